package dev.pauta.guidance;

import java.util.Set;

/** A request used a code the current release does not define; {@code known} lists the ones it does. */
public class UnknownCodeException extends RuntimeException {

    private final String field;
    private final String value;
    private final Set<String> known;

    public UnknownCodeException(String field, String value, Set<String> known) {
        super("unknown " + field + " '" + value + "'");
        this.field = field;
        this.value = value;
        this.known = Set.copyOf(known);
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public Set<String> known() {
        return known;
    }
}
