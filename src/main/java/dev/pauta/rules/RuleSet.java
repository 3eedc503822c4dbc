package dev.pauta.rules;

import dev.pauta.manual.Problem;
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
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Compiled policy rules. {@link #evaluate} runs a stateless session with a firing limit and a time budget, so a rule
 * that re-fires without end, matches without end or fails stops with a {@link RuleFailure} naming it instead of hanging
 * or breaking a request. Thread-safe: share one instance per snapshot.
 */
public final class RuleSet {

    /** The firing limit the service, the command line and validation use unless configured otherwise. */
    public static final int DEFAULT_FIRING_LIMIT = 1000;
    /** The time budget per evaluation the service, the command line and validation use unless configured otherwise. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(50);

    private static final KieCommands COMMANDS = KieServices.get().getCommands();
    /** How many times the budget the second try of an evaluation gets. */
    public static final int SECOND_TRY_FACTOR = 10;

    /** When the evaluation running on this thread must stop; the session's listener runs on the evaluating thread. */
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

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
    private final Map<String, JoinBound> joins;
    private final List<RuleContract> contracts;
    private final Set<String> tablesRead;
    private final int firingLimit;
    private final Duration timeBudget;
    private final Set<String> rules;
    private final StatelessKieSession session;

    RuleSet(KieBase kieBase, Map<String, List<String>> sectionsByRule, Map<String, Location> locations, Map<String, JoinBound> joins,
            List<RuleContract> contracts, int firingLimit, Duration timeBudget, Set<String> rules) {
        this.joins = Map.copyOf(joins);
        this.contracts = List.copyOf(contracts);
        this.tablesRead = contracts.stream().flatMap(c -> c.tables().stream()).map(RuleContract.TableRead::table).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.sectionsByRule = Map.copyOf(sectionsByRule);
        this.locations = Map.copyOf(locations);
        this.firingLimit = firingLimit;
        this.timeBudget = timeBudget;
        this.rules = rules;
        this.session = kieBase.newStatelessKieSession();
        this.session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void matchCreated(MatchCreatedEvent event) {
                checkDeadline(event.getMatch().getRule().getName());
            }

            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                checkDeadline(event.getMatch().getRule().getName());
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                ((Outcome) event.getKieRuntime().getGlobal("outcome")).fired(event.getMatch().getRule().getName());
            }
        });
    }

    private void checkDeadline(String rule) {
        Long deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline > 0) {
            throw RuleFailure.timeBudget(timeBudget.toMillis(), SECOND_TRY_FACTOR, rule);
        }
    }

    /** Rule keys as {@code package/name}; the scenario runner reports the ones no scenario fired. */
    public Set<String> ruleKeys() {
        return rules;
    }

    /** What each rule reads from the manual's tables and what it can emit, in file order. */
    public List<RuleContract> contracts() {
        return contracts;
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
     * Rules that could join more fact combinations than one evaluation can go through with these policy rows (see
     * {@link JoinBound}): a problem at each such rule, so the snapshot is refused before it serves.
     */
    public List<Problem> oversizedJoins(PolicyFacts policy) {
        Map<String, Integer> rowsPerTable = new java.util.HashMap<>();
        policy.rows.forEach(row -> rowsPerTable.merge(row.getTable(), 1, Integer::sum));
        List<Problem> problems = new ArrayList<>();
        new java.util.TreeMap<>(joins).forEach((rule, bound) -> {
            long combinations = bound.combinations(rowsPerTable, policy.rows.size());
            if (combinations > JoinBound.MAX_COMBINATIONS) {
                Location at = locations.get(rule);
                problems.add(Problem.at(at.path(), at.line(), "rule '" + rule + "' can join up to " + (combinations == Long.MAX_VALUE ? "more than 10^18" : combinations)
                        + " combinations of facts, more than the " + JoinBound.MAX_COMBINATIONS + " one evaluation may go through",
                        "narrow each PolicyRow pattern to one table with table == \"…\", and join fewer rows: match the row you need by its cells"));
            }
        });
        return problems;
    }

    /**
     * Runs the rules on the situation. An evaluation that runs past the time budget is tried once more with
     * {@value #SECOND_TRY_FACTOR} times the budget: the first evaluation of a constraint compiles it, and the JVM pauses
     * now and then, so one slow try says little; rules still too slow on the second try fail.
     *
     * @param policy the policy-table facts of the request's locale, from {@link #policyFacts}
     * @param ledger the customer's accepted compensations
     * @throws RuleFailure when a rule loops, the rules run past the time budget on both tries, or a rule fails
     */
    public Evaluation evaluate(Situation situation, PolicyFacts policy, List<Compensation> ledger, Instant now) {
        List<Object> facts = facts(situation, policy, ledger, now);
        try {
            return run(facts, timeBudget);
        } catch (RuleFailure failure) {
            if (failure.kind() != RuleFailure.Kind.TIME_BUDGET) {
                throw failure;
            }
            return run(facts, timeBudget.multipliedBy(SECOND_TRY_FACTOR));
        }
    }

    private Evaluation run(List<Object> facts, Duration budget) {
        Outcome outcome = new Outcome();
        List<Command<?>> commands = List.of(
                COMMANDS.newSetGlobal("outcome", outcome),
                COMMANDS.newInsertElements(facts),
                COMMANDS.newFireAllRules(firingLimit));
        DEADLINE.set(System.nanoTime() + budget.toNanos());
        try {
            session.execute(COMMANDS.newBatchExecution(commands));
        } catch (RuntimeException e) {
            throw RuleFailure.of(e, locations.keySet());
        } finally {
            DEADLINE.remove();
        }
        if (outcome.rulesFired().size() >= firingLimit) {
            throw RuleFailure.loop(firingLimit, mostFired(outcome.rulesFired()));
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

    private static List<Object> facts(Situation situation, PolicyFacts policy, List<Compensation> ledger, Instant now) {
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
        return facts;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String mostFired(List<String> fired) {
        return fired.stream().collect(java.util.stream.Collectors.groupingBy(r -> r, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
    }
}
