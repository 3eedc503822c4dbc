package dev.pauta.web;

import dev.pauta.compliance.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A draft cut into plain runs and flagged runs, so the page can mark each problem where it is without writing HTML itself. */
record MarkedDraft(List<Run> runs) {

    /** {@code violation} is the 1-based number of the flagged problem in the list shown beside the draft, or 0 for plain text. */
    record Run(String text, int violation, String severity) {
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("«([^»]+)»|“([^”]+)”|\"([^\"]+)\"");

    /**
     * The words that replace a flagged phrase: the first words the manual quotes in its advice ("Say what you will do:
     * «Esto lo resuelvo yo»…"), or the whole advice when it quotes nothing, since then it is the words themselves.
     */
    static String replacement(String instead) {
        if (instead == null) {
            return null;
        }
        java.util.regex.Matcher quoted = QUOTED.matcher(instead);
        if (quoted.find()) {
            for (int g = 1; g <= quoted.groupCount(); g++) {
                if (quoted.group(g) != null) {
                    return quoted.group(g).strip();
                }
            }
        }
        return instead.strip();
    }

    static MarkedDraft of(String draft, List<Violation> violations) {
        List<Run> runs = new ArrayList<>();
        int at = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < violations.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> violations.get(i).start()));
        for (int i : order) {
            Violation v = violations.get(i);
            // whole-draft checks (length, missing greeting) have no place of their own; overlapping spans keep the first
            if (v.end() <= v.start() || v.start() < at || v.end() > draft.length()) {
                continue;
            }
            if (v.start() > at) {
                runs.add(new Run(draft.substring(at, v.start()), 0, null));
            }
            runs.add(new Run(draft.substring(v.start(), v.end()), i + 1, v.severity()));
            at = v.end();
        }
        if (at < draft.length()) {
            runs.add(new Run(draft.substring(at), 0, null));
        }
        return new MarkedDraft(runs);
    }
}
