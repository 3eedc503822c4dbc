package dev.pauta.decisions;

/** The decision could not be logged in time; the caller gets no decision rather than an unlogged one. */
public class DecisionLogUnavailableException extends RuntimeException {

    public DecisionLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
