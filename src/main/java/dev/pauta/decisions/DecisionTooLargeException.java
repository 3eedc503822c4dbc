package dev.pauta.decisions;

/** A decision whose record could not be stored whole; it is refused before it is queued, so no other caller is affected. */
public class DecisionTooLargeException extends RuntimeException {

    private final String field;
    private final long size;
    private final long limit;

    DecisionTooLargeException(String field, long size, long limit) {
        super("the " + field + " of this decision is " + size + " " + (field.equals("record") ? "bytes" : "characters") + ", more than the "
                + limit + " the decision log stores");
        this.field = field;
        this.size = size;
        this.limit = limit;
    }

    /** {@code record} for the situation and decision together, or the name of the field that is too long. */
    public String field() {
        return field;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
