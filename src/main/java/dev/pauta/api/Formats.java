package dev.pauta.api;

/** Patterns that both the validation and the OpenAPI document use, anchored, and read the same by Java and ECMAScript regex engines. */
final class Formats {

    /** At least one character that is not ASCII white space: what a required text needs. */
    static final String NOT_BLANK = "^[\\s\\S]*[^ \\t\\n\\u000b\\f\\r][\\s\\S]*$";

    /** A locale folder of the manual: {@code es}, {@code en}, {@code pt-BR}. */
    static final String LOCALE = "^[a-z]{2}(-[A-Z]{2})?$";

    private Formats() {
    }
}
