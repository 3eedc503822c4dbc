package dev.pauta.guidance;

import dev.pauta.rules.Compensation;
import java.util.List;

/** Where accepted compensations are kept, so caps and no-stacking hold across decisions. */
public interface Ledger {

    /** The customer's accepted compensations, newest first; empty for an unknown customer. */
    List<Compensation> entries(String customerId);

    /** An empty ledger, for engines outside the application (the scenario runner, the probe); the application requires a real one. */
    Ledger NONE = customerId -> List.of();
}
