package dev.pauta.guidance;

import dev.pauta.manual.Problem;
import dev.pauta.rules.RuleLoopException;
import dev.pauta.rules.RuleSet;
import dev.pauta.rules.Situation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks a snapshot for a decision on every locale × intent × channel its vocabulary defines, so a rule that
 * never settles, or a combination that gets no cited action, is found before anything is published.
 */
public final class Probe {

    private Probe() {
    }

    public static List<Problem> run(Snapshot snapshot) {
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(snapshot);
        GuidanceService service = new GuidanceService(holder, Ledger.NONE, java.time.Clock.systemUTC());
        List<Problem> problems = new ArrayList<>();
        Set<String> loops = new LinkedHashSet<>();
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
                    } catch (RuleLoopException e) {
                        if (loops.add(e.rule())) {
                            RuleSet.Location at = snapshot.ruleSet().locationOf(e.rule());
                            problems.add(Problem.at(at == null ? "rules" : at.path(), at == null ? 0 : at.line(),
                                    "rule '" + e.rule() + "' keeps re-firing: " + e.getMessage(),
                                    "give the rule a condition its own action makes false, or do not update the facts it matches"));
                        }
                    }
                }
            }
        }
        return problems;
    }
}
