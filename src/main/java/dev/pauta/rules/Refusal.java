package dev.pauta.rules;

import com.github.javaparser.ast.Node;

/** Something in a rule that the grammar does not allow; carries the hint and, when known, the parse node at fault. */
final class Refusal extends RuntimeException {

    private final String hint;
    private final transient Node node;

    Refusal(String message, String hint) {
        this(message, hint, null);
    }

    Refusal(String message, String hint, Node node) {
        super(message, null, false, false);
        this.hint = hint;
        this.node = node;
    }

    String hint() {
        return hint;
    }

    /** The line of the node at fault within the text that was parsed, or 0 when unknown. */
    int lineInText() {
        return node == null ? 0 : node.getBegin().map(p -> p.line).orElse(0);
    }
}
