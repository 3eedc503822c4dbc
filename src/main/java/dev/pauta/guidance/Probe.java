package dev.pauta.guidance;

import dev.pauta.manual.Problem;
import dev.pauta.rules.RuleFailure;
import dev.pauta.rules.RuleSet;
import dev.pauta.rules.Situation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks a snapshot for a decision on every locale × intent × channel its vocabulary defines, so a rule that never
 * settles, runs past the time budget or fails, or a combination that gets no cited action, is found before anything
 * is published. Each failing rule is reported once, at its file and line.
 */
public final class Probe {

    private Probe() {
    }

    public static List<Problem> run(Snapshot snapshot) {
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(snapshot);
        GuidanceService service = new GuidanceService(holder, Ledger.NONE, java.time.Clock.systemUTC());
        List<Problem> problems = new ArrayList<>();
        Set<String> failed = new LinkedHashSet<>();
        probing:
        for (String locale : snapshot.locales()) {
            Vocabulary vocabulary = snapshot.vocabularies().get(locale);
            for (String intent : vocabulary.intents().keySet()) {
                for (String channel : vocabulary.channels().keySet()) {
                    Situation situation = new Situation(locale, channel, intent, null, null, null, null);
                    try {
                        Decision decision = service.decide(situation);
                        boolean cited = decision.actions().stream().anyMatch(a -> !a.sections().isEmpty());
                        if (!cited) {
                            problems.add(Problem.at("rules", 0, "no rule gives an action for " + intent + " on " + channel + " in '" + locale + "'",
                                    "add a rule for that intent or channel, citing the section that covers it"));
                        }
                    } catch (RuleFailure failure) {
                        if (failed.add(failure.kind() + "/" + failure.rule())) {
                            problems.add(problem(snapshot, failure, intent + " on " + channel + " in '" + locale + "'"));
                        }
                        if (failure.kind() == RuleFailure.Kind.TIME_BUDGET) {
                            // Every further situation would wait out the budget again; the bundle is refused already.
                            break probing;
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static Problem problem(Snapshot snapshot, RuleFailure failure, String situation) {
        RuleSet.Location at = failure.rule() == null ? null : snapshot.ruleSet().locationOf(failure.rule());
        String hint = switch (failure.kind()) {
            case LOOP -> "narrow the rule's patterns: it fired more often in one evaluation than the firing limit allows";
            case TIME_BUDGET -> "narrow each pattern (table == \"…\", a code) before joining it with others, so fewer combinations are matched";
            case ERROR -> "check what the rule computes: a division by a value that can be zero, or a value that can be missing";
        };
        return Problem.at(at == null ? "rules" : at.path(), at == null ? 0 : at.line(), failure.getMessage() + " (for " + situation + ")", hint);
    }
}
