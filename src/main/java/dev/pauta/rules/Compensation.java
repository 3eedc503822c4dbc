package dev.pauta.rules;

import java.time.Instant;

/** A compensation a customer accepted earlier, as the ledger records it. */
public record Compensation(String customerId, String code, Instant acceptedAt, String decisionId) {
}
