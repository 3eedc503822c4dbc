package dev.pauta.rules;

import dev.pauta.rules.facts.CompensationEntry;
import dev.pauta.rules.facts.Contact;
import dev.pauta.rules.facts.Customer;
import dev.pauta.rules.facts.Interaction;
import dev.pauta.rules.facts.Order;
import dev.pauta.rules.facts.Outcome;
import dev.pauta.rules.facts.PolicyRow;
import dev.pauta.rules.facts.SpecialNeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Compiled policy rules. {@link #evaluate} runs a stateless session with a firing limit, so a rule
 * that re-fires without end stops with {@link RuleLoopException} instead of hanging a request.
 * Thread-safe: share one instance per snapshot.
 */
public final class RuleSet {

    private static final KieCommands COMMANDS = KieServices.get().getCommands();

    /** The policy-table rows of one locale as facts, built once per snapshot and shared by every evaluation. */
    public static final class PolicyFacts {
        private final List<PolicyRow> rows;

        private PolicyFacts(List<PolicyRow> rows) {
            this.rows = List.copyOf(rows);
        }

        public int size() {
            return rows.size();
        }
    }

    /** Where a rule is written. */
    public record Location(String path, int line) {
    }

    private final Map<String, List<String>> sectionsByRule;
    private final Map<String, Location> locations;
    private final Set<String> tablesRead;
    private final int firingLimit;
    private final Set<String> rules;
    private final StatelessKieSession session;

    RuleSet(KieBase kieBase, Map<String, List<String>> sectionsByRule, Map<String, Location> locations, Set<String> tablesRead, int firingLimit,
            Set<String> rules) {
        this.tablesRead = Set.copyOf(tablesRead);
        this.sectionsByRule = Map.copyOf(sectionsByRule);
        this.locations = Map.copyOf(locations);
        this.firingLimit = firingLimit;
        this.rules = rules;
        this.session = kieBase.newStatelessKieSession();
        this.session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                ((Outcome) event.getKieRuntime().getGlobal("outcome")).fired(event.getMatch().getRule().getName());
            }
        });
    }

    /** Rule keys as {@code package/name}; the scenario runner reports the ones no scenario fired. */
    public Set<String> ruleKeys() {
        return rules;
    }

    /** The file and line of a rule by name, or null when no rule has that name. */
    public Location locationOf(String rule) {
        return locations.get(rule);
    }

    public List<String> sectionsOf(String packageName, String rule) {
        return sectionsByRule.getOrDefault(packageName + "/" + rule, List.of());
    }

    /** The rows of the tables these rules name (table == "…"), as facts; other tables are never inserted. */
    public PolicyFacts policyFacts(Map<String, List<Map<String, String>>> rows) {
        List<PolicyRow> facts = new ArrayList<>();
        rows.forEach((table, tableRows) -> {
            if (tablesRead.contains(table)) {
                tableRows.forEach(cells -> facts.add(new PolicyRow(table, cells)));
            }
        });
        return new PolicyFacts(facts);
    }

    /**
     * @param policy the policy-table facts of the request's locale, from {@link #policyFacts}
     * @param ledger the customer's accepted compensations
     */
    public Evaluation evaluate(Situation situation, PolicyFacts policy, List<Compensation> ledger, Instant now) {
        List<Object> facts = new ArrayList<>();
        facts.add(new Contact(situation.locale(), situation.channel(), situation.intent()));
        Situation.Customer c = situation.customer();
        facts.add(new Customer(c.id(), c.type(), c.tier() == null ? "STANDARD" : c.tier()));
        c.specialNeeds().forEach(need -> facts.add(new SpecialNeed(need)));
        Situation.Order o = situation.order();
        if (o != null) {
            facts.add(new Order(o.id(), o.delayDays() == null ? 0 : o.delayDays(), o.value() == null ? 0 : o.value().doubleValue(), o.currency()));
        }
        Situation.Interaction i = situation.interaction();
        facts.add(new Interaction(orZero(i.waitMinutes()), orZero(i.transfers()), orZero(i.contactsAboutIssue()),
                i.sentiment() == null ? 0 : i.sentiment(), i.text()));
        facts.addAll(policy.rows);
        for (Compensation entry : ledger) {
            facts.add(new CompensationEntry(entry.code(), (int) Duration.between(entry.acceptedAt(), now).toDays()));
        }

        Outcome outcome = new Outcome();
        List<Command<?>> commands = List.of(
                COMMANDS.newSetGlobal("outcome", outcome),
                COMMANDS.newInsertElements(facts),
                COMMANDS.newFireAllRules(firingLimit));
        session.execute(COMMANDS.newBatchExecution(commands));
        if (outcome.rulesFired().size() >= firingLimit) {
            throw new RuleLoopException(firingLimit, mostFired(outcome.rulesFired()));
        }

        List<Proposal> proposals = new ArrayList<>();
        List<Hold> holds = new ArrayList<>();
        for (Outcome.Entry e : outcome.entries()) {
            List<String> sections = sectionsOf(e.packageName, e.rule);
            if (e.kind.equals("hold")) {
                holds.add(new Hold(e.code, e.reason, e.rule, sections, e.params));
            } else {
                proposals.add(new Proposal(e.type, e.code, e.priority, e.rule, sections, e.params, e.text, e.script));
            }
        }
        return new Evaluation(proposals, holds, List.copyOf(outcome.rulesFired()));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String mostFired(List<String> fired) {
        return fired.stream().collect(java.util.stream.Collectors.groupingBy(r -> r, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
    }
}
