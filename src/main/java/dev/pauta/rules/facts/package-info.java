/**
 * The fact model policy rules match and write to, published by the rules module: rule authors, the scenario runner and
 * the ledger's cap check read the same rows through the same accessors.
 */
@NamedInterface("facts")
package dev.pauta.rules.facts;

import org.springframework.modulith.NamedInterface;
