package dev.pauta.guidance;

import java.util.Map;

/**
 * The manual's words for an action code in one locale, and the section that holds them: {@code text} tells the agent what
 * to do, {@code says} holds the words for the customer by register name (under {@code say} when the manual names no
 * registers; no entry when there is nothing to say), {@code reason} says why.
 */
record Script(String code, String text, Map<String, String> says, String reason, String section) {

    /** The column of the words to say in a manual that names no registers. */
    static final String SAY = "say";

    Script {
        says = Map.copyOf(says);
    }

    /** A script with nothing to say to the customer. */
    Script(String code, String text, String reason, String section) {
        this(code, text, Map.of(), reason, section);
    }
}
