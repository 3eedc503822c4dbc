package dev.pauta.decisions;

/** Another acceptance for the same customer held the ledger longer than the database waits; nothing was recorded, and the request can be repeated. */
public class LedgerBusyException extends RuntimeException {

    LedgerBusyException(Throwable cause) {
        super("another acceptance for this customer is being recorded", cause);
    }
}
