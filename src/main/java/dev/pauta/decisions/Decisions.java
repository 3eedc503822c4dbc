package dev.pauta.decisions;

import dev.pauta.guidance.Decision;
import dev.pauta.guidance.GuidanceService;
import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.guidance.UnknownCodeException;
import dev.pauta.rules.Situation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions as records: every guidance decision is logged before it is returned, can be read back by id,
 * collects feedback per action, feeds the compensation ledger, and can be replayed against a draft release.
 * Thread-safe.
 */
public class Decisions {

    /** A logged decision as stored: the masked situation and the decision, as JSON trees. */
    public record Logged(String decisionId, Instant at, int release, String caller, JsonNode situation, JsonNode decision, long latencyMicros,
                         List<Feedback> feedback) {
    }

    /** One page of logged decisions, newest first. */
    public record Page(long total, int page, int size, List<Logged> items) {
    }

    /** Feedback on one action of a decision, as received. */
    public record Feedback(String action, String outcome, Boolean helpful, String comment, String caller, Instant at) {
    }

    /** What feedback did: whether an accepted offer entered the ledger now, was there already, or does not apply. */
    public record FeedbackResult(String decisionId, String action, String outcome, String ledger) {
    }

    /**
     * The outcome of checking the hash chain of the whole log: how many records were checked, how many are broken, and
     * the first {@value HashChain#LISTED} of those. {@code brokenAtSeq}, {@code brokenDecisionId} and {@code problem}
     * repeat the first broken record, as the check reported before it listed them all.
     */
    public record ChainCheck(boolean ok, long checked, long broken, List<BrokenRecord> brokenRecords, Long brokenAtSeq, String brokenDecisionId,
                             String problem) {

        static ChainCheck of(long checked, long broken, List<BrokenRecord> listed) {
            BrokenRecord first = listed.isEmpty() ? null : listed.get(0);
            return new ChainCheck(broken == 0, checked, broken, List.copyOf(listed), first == null ? null : first.seq(),
                    first == null ? null : first.decisionId(), first == null ? null : first.problem());
        }
    }

    /** One record whose content or link does not match the chain. */
    public record BrokenRecord(long seq, String decisionId, String problem) {
    }

    /** The decision named does not exist. */
    public static class NotFound extends RuntimeException {
        public NotFound(String id) {
            super("no decision '" + id + "'");
        }
    }

    /** The action named in feedback is not one of the decision's actions. */
    public static class UnknownAction extends RuntimeException {
        public final List<String> known;

        UnknownAction(String action, List<String> known) {
            super("the decision has no action '" + action + "'");
            this.known = known;
        }
    }

    private final GuidanceService guidance;
    private final SnapshotHolder holder;
    private final DecisionLog log;
    private final LedgerStore ledger;
    private final CustomerKeys keys;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DecisionsProperties properties;
    private final Clock clock;
    private final Counter decisions;
    private final Timer latency;
    private final DistributionSummary rulesFired;

    Decisions(GuidanceService guidance, SnapshotHolder holder, DecisionLog log, LedgerStore ledger, CustomerKeys keys, JdbcClient jdbc, JsonMapper json,
              DecisionsProperties properties, Clock clock, MeterRegistry meters) {
        this.guidance = guidance;
        this.holder = holder;
        this.log = log;
        this.ledger = ledger;
        this.keys = keys;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.decisions = Counter.builder("pauta.decisions").description("guidance decisions made").register(meters);
        this.latency = Timer.builder("pauta.decision.latency").description("time to decide, without logging").publishPercentileHistogram().register(meters);
        this.rulesFired = DistributionSummary.builder("pauta.rules.fired").description("rules fired per decision").register(meters);
    }

    /** Decides on the current release and logs the decision durably before returning it. */
    public Decision decide(Situation situation, String caller) {
        Snapshot snapshot = holder.current();
        Decision decision = guidance.decide(snapshot, situation);
        decisions.increment();
        latency.record(decision.explanation().tookMicros(), TimeUnit.MICROSECONDS);
        rulesFired.record(decision.explanation().rulesFired().size());
        if (properties.logging()) {
            log.append(new DecisionRecord(decision.decisionId(), clock.instant(), decision.release(), caller, keys.of(situation.customer().id()),
                    situation.locale(), situation.channel(), situation.intent(), json.writeValueAsString(masked(situation)),
                    json.writeValueAsString(decision), decision.explanation().tookMicros()));
        }
        return decision;
    }

    Situation masked(Situation s) {
        Situation.Customer c = s.customer();
        Situation.Customer customer = new Situation.Customer(mask("customer.id", c.id()), c.type(), c.tier(), c.specialNeeds());
        Situation.Order o = s.order();
        Situation.Order order = o == null ? null : new Situation.Order(mask("order.id", o.id()), o.delayDays(), o.value(), o.currency());
        Situation.Interaction i = s.interaction();
        Situation.Interaction interaction = new Situation.Interaction(i.waitMinutes(), i.transfers(), i.contactsAboutIssue(), i.sentiment(),
                mask("interaction.text", i.text()));
        return new Situation(s.locale(), s.channel(), s.intent(), customer, order, interaction, mask("draft", s.draft()));
    }

    private String mask(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (properties.maskOf(field)) {
            case KEEP -> value;
            case HASH -> "hash:" + keys.of(value);
            case DROP -> null;
        };
    }

    private Logged logged(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Logged(rs.getString("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getInt("release_number"), rs.getString("caller"),
                json.readTree(rs.getString("situation")), json.readTree(rs.getString("decision")), rs.getLong("latency_micros"), List.of());
    }

    public Logged find(String id) {
        return jdbc.sql("select * from decision_log where id = ?").param(id).query(this::logged)
                .optional()
                .map(l -> new Logged(l.decisionId(), l.at(), l.release(), l.caller(), l.situation(), l.decision(), l.latencyMicros(), feedback(id)))
                .orElseThrow(() -> new NotFound(id));
    }

    private List<Feedback> feedback(String id) {
        return jdbc.sql("select * from decision_feedback where decision_id = ? order by id").param(id)
                .query((rs, n) -> new Feedback(rs.getString("action"), rs.getString("outcome"), (Boolean) rs.getObject("helpful"), rs.getString("comment"),
                        rs.getString("caller"), rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public Page list(Instant from, Instant to, int page, int size) {
        OffsetDateTime a = (from == null ? Instant.EPOCH : from).atOffset(ZoneOffset.UTC);
        OffsetDateTime b = (to == null ? clock.instant().plusSeconds(1) : to).atOffset(ZoneOffset.UTC);
        long total = jdbc.sql("select count(*) from decision_log where at >= ? and at < ?").params(a, b).query(Long.class).single();
        List<Logged> items = jdbc.sql("select * from decision_log where at >= ? and at < ? order by seq desc offset ? rows fetch next ? rows only")
                .params(a, b, (long) page * size, size)
                .query(this::logged)
                .list();
        return new Page(total, page, size, items);
    }

    /**
     * Records feedback; an accepted OFFER enters the customer's ledger once, however often it is sent, and only within the
     * caps of the current release's coupon-limits table in the decision's locale, checked where the entry is written.
     *
     * @throws CapReachedException when the offer would pass a cap; then neither the ledger entry nor the feedback is written
     */
    public FeedbackResult feedback(String decisionId, String action, String outcome, Boolean helpful, String comment, String caller) {
        Map<String, Object> row = jdbc.sql("select decision, customer_key, locale from decision_log where id = ?").param(decisionId).query().listOfRows()
                .stream().findFirst().orElseThrow(() -> new NotFound(decisionId));
        JsonNode decision = json.readTree((String) row.get("DECISION"));
        String customerKey = (String) row.get("CUSTOMER_KEY");
        JsonNode chosen = null;
        List<String> known = new ArrayList<>();
        for (JsonNode a : decision.get("actions")) {
            known.add(a.get("code").asString());
            if (a.get("code").asString().equals(action)) {
                chosen = a;
            }
        }
        if (chosen == null) {
            throw new UnknownAction(action, known);
        }
        Runnable record = () -> jdbc.sql("insert into decision_feedback (decision_id, action, outcome, helpful, comment, caller, at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(decisionId, action, outcome, helpful, comment, caller, clock.instant().atOffset(ZoneOffset.UTC)).update();
        if (outcome.equals("ACCEPTED") && chosen.get("type").asString().equals("OFFER") && customerKey != null) {
            CouponLimits limits = CouponLimits.of(holder.current().manual(), (String) row.get("LOCALE"));
            LedgerStore.Acceptance accepted = ledger.accept(decisionId, action, customerKey, chosen.get("params").toString(), limits, record);
            return new FeedbackResult(decisionId, action, outcome, accepted.name());
        }
        record.run();
        return new FeedbackResult(decisionId, action, outcome, "NOT_APPLICABLE");
    }

    /** Walks the whole chain and reports every record whose content or link does not match, not only the first. */
    public ChainCheck verifyChain() {
        return HashChain.verify(jdbc);
    }

    // --- impact

    /** How decisions would change: replayed situations whose actions differ, which codes appear or disappear, with examples. */
    public record Impact(int replayed, int changed, Map<String, Integer> appeared, Map<String, Integer> disappeared, List<Example> examples,
                         int currentRelease) {
    }

    /** One replayed situation whose actions differ. */
    public record Example(String decisionId, List<String> before, List<String> after) {
    }

    /**
     * Replays logged situations (newest first, within the window, at most {@code sample}) on the current release and on
     * the draft, with the same ledger, so only the draft's edits explain the differences. Masked fields replay as logged.
     */
    public Impact impact(Snapshot draft, Instant from, Instant to, int sample) {
        Snapshot current = holder.current();
        OffsetDateTime a = (from == null ? Instant.EPOCH : from).atOffset(ZoneOffset.UTC);
        OffsetDateTime b = (to == null ? clock.instant().plusSeconds(1) : to).atOffset(ZoneOffset.UTC);
        List<Map.Entry<String, String>> logged = jdbc.sql("select id, situation from decision_log where at >= ? and at < ? order by seq desc fetch first ? rows only")
                .params(a, b, sample)
                .query((rs, n) -> Map.entry(rs.getString("id"), rs.getString("situation"))).list();
        Map<String, Integer> appeared = new TreeMap<>();
        Map<String, Integer> disappeared = new TreeMap<>();
        List<Example> examples = new ArrayList<>();
        int changed = 0;
        int replayed = 0;
        for (Map.Entry<String, String> entry : logged) {
            Situation situation = json.readValue(entry.getValue(), Situation.class);
            List<String> before;
            List<String> after;
            try {
                before = summary(guidance.decide(current, situation));
                after = summary(guidance.decide(draft, situation));
            } catch (UnknownCodeException codesNoLongerDefined) {
                // The draft removed a code this situation used; it cannot be asked again, so it is not counted.
                continue;
            }
            replayed++;
            if (Objects.equals(before, after)) {
                continue;
            }
            changed++;
            codes(after).stream().filter(c -> !codes(before).contains(c)).forEach(c -> appeared.merge(c, 1, Integer::sum));
            codes(before).stream().filter(c -> !codes(after).contains(c)).forEach(c -> disappeared.merge(c, 1, Integer::sum));
            if (examples.size() < 5) {
                examples.add(new Example(entry.getKey(), before, after));
            }
        }
        return new Impact(replayed, changed, appeared, disappeared, examples, current.release().number());
    }

    /** Each action as CODE or CODE{param=value}, in priority order: what an agent would see change. */
    private static List<String> summary(Decision decision) {
        return decision.actions().stream()
                .map(a -> a.params().isEmpty() ? a.code() : a.code() + new TreeMap<>(a.params()))
                .toList();
    }

    private static List<String> codes(List<String> summary) {
        return summary.stream().map(s -> s.contains("{") ? s.substring(0, s.indexOf('{')) : s).toList();
    }

}
