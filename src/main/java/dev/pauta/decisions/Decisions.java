package dev.pauta.decisions;

import dev.pauta.guidance.Decision;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.guidance.UnknownCodeException;
import dev.pauta.guidance.Vocabulary;
import dev.pauta.rules.Situation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions as records: every guidance decision is logged before it is returned, can be read back by id, collects
 * feedback per action and the outcomes other systems report, feeds the compensation ledger, and can be replayed against a
 * draft release. Logged decisions are read only through the stored schema, whatever version their row is in. Thread-safe.
 */
public class Decisions {

    private static final Logger log = LoggerFactory.getLogger(Decisions.class);

    /**
     * A logged decision read back from its stored schema version: the situation as masked when it was logged, and the
     * decision as it was given.
     */
    public record Logged(String decisionId, Instant at, int release, String caller, int schemaVersion, Situation situation, Decision decision,
                         long latencyMicros, List<Feedback> feedback) {
    }

    /** One page of logged decisions, newest first. */
    public record Page(long total, int page, int size, List<Logged> items) {
    }

    /** Feedback on one action of a decision, as received; {@code reason} is a rejection-reasons code, or null. */
    public record Feedback(String action, String outcome, String reason, Boolean helpful, String comment, String caller, Instant at) {
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

    /**
     * What another system reports happened after a decision; every field may be null (not known). {@code csat} is the
     * customer's score from 1 to 5, {@code contactsAboutIssue} how many contacts the issue has taken, this one included,
     * and {@code handleSeconds} how long the contact took.
     */
    public record OutcomeReport(Boolean resolved, Boolean firstContact, Integer csat, Integer contactsAboutIssue, Integer handleSeconds) {

        public static final int MAX_CSAT = 5;
        public static final int MAX_CONTACTS = 1000;
        /** A week: no contact is handled for longer. */
        public static final int MAX_HANDLE_SECONDS = 604_800;
    }

    /**
     * The outcome stored for a decision: the fields of the report that counts, who sent it and when, and {@code reports},
     * how many different reports the decision has had up to this one.
     */
    public record Outcome(String decisionId, Boolean resolved, Boolean firstContact, Integer csat, Integer contactsAboutIssue, Integer handleSeconds,
                          String caller, Instant at, int reports) {

        /** The reported fields alone. */
        public OutcomeReport report() {
            return new OutcomeReport(resolved, firstContact, csat, contactsAboutIssue, handleSeconds);
        }
    }

    /** An outcome report that cannot be stored as sent; {@code errors} maps each field at fault to what is wrong with it. */
    public static class InvalidOutcome extends RuntimeException {
        private final Map<String, String> errors;

        InvalidOutcome(Map<String, String> errors) {
            super(String.join("; ", errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /**
     * Announced when feedback or an outcome is recorded for a logged decision, inside the transaction that records it,
     * so what a listener writes commits or rolls back with it.
     */
    public record FollowUpRecorded(String decisionId) {
    }

    /**
     * What the insights read of one logged decision: its place in the log, when, its locale, channel, intent and release,
     * the actions shown with the rule that proposed each and the sections each cites, and the customer's words only when
     * no section matched them and the log kept them as written (a hashed or dropped text stays out). No customer id, no draft.
     */
    public record Digest(long seq, String decisionId, Instant at, int release, String locale, String channel, String intent, List<Shown> actions,
                         String unmatchedWords) {
    }

    /** One action a decision showed: its code, the rule that proposed it (empty when none is named) and the sections it cites. */
    public record Shown(String code, String rule, List<String> sections) {
    }

    /** What followed a decision: the latest feedback on each action, by action code, and its outcome (null until one is reported). */
    public record FollowUp(String decisionId, Map<String, Feedback> latestFeedback, Outcome outcome) {
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

    /** A reason was sent with an outcome other than REJECTED: only a rejection has a reason. */
    public static class ReasonNotAllowed extends RuntimeException {
        public final String outcome;

        ReasonNotAllowed(String outcome) {
            super("a reason goes only with outcome REJECTED, not with " + outcome);
            this.outcome = outcome;
        }
    }

    private final SnapshotHolder holder;
    private final LedgerStore ledger;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChangeImpact impact;
    private final Outcomes outcomes;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    Decisions(SnapshotHolder holder, LedgerStore ledger, JdbcClient jdbc, Clock clock, ChangeImpact impact, Outcomes outcomes, TransactionTemplate tx,
              ApplicationEventPublisher events) {
        this.holder = holder;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
        this.impact = impact;
        this.outcomes = outcomes;
        this.tx = tx;
        this.events = events;
    }

    private static Logged logged(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        int release = rs.getInt("release_number");
        int version = rs.getInt("schema_version");
        return new Logged(id, rs.getObject("at", OffsetDateTime.class).toInstant(), release, rs.getString("caller"), version,
                StoredSchema.situation(version, rs.getString("situation")), StoredSchema.decision(version, rs.getString("decision"), id, release),
                rs.getLong("latency_micros"), List.of());
    }

    public Logged find(String id) {
        return jdbc.sql("select * from decision_log where id = ?").param(id).query(Decisions::logged)
                .optional()
                .map(l -> new Logged(l.decisionId(), l.at(), l.release(), l.caller(), l.schemaVersion(), l.situation(), l.decision(), l.latencyMicros(),
                        feedback(id)))
                .orElseThrow(() -> new NotFound(id));
    }

    private List<Feedback> feedback(String id) {
        return jdbc.sql("select * from decision_feedback where decision_id = ? order by id").param(id)
                .query((rs, n) -> new Feedback(rs.getString("action"), rs.getString("outcome"), rs.getString("reason"), (Boolean) rs.getObject("helpful"),
                        rs.getString("comment"), rs.getString("caller"), rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public Page list(Instant from, Instant to, int page, int size) {
        OffsetDateTime a = (from == null ? Instant.EPOCH : from).atOffset(ZoneOffset.UTC);
        OffsetDateTime b = (to == null ? clock.instant().plusSeconds(1) : to).atOffset(ZoneOffset.UTC);
        long total = jdbc.sql("select count(*) from decision_log where at >= ? and at < ?").params(a, b).query(Long.class).single();
        List<Logged> items = jdbc.sql("select * from decision_log where at >= ? and at < ? order by seq desc offset ? rows fetch next ? rows only")
                .params(a, b, (long) page * size, size)
                .query(Decisions::logged)
                .list();
        return new Page(total, page, size, items);
    }

    /**
     * Records feedback; an accepted OFFER enters the customer's ledger once, however often it is sent, and only within the
     * caps of the current release's coupon-limits table in the decision's locale, checked where the entry is written.
     * {@code reason} (null or blank for none) says why an action was REJECTED: a code of the current release's
     * rejection-reasons table in the decision's locale. Nothing is written when any check fails.
     *
     * @throws NotFound             when there is no such decision
     * @throws UnknownAction        when the decision has no such action
     * @throws ReasonNotAllowed     when a reason comes with an outcome other than REJECTED
     * @throws UnknownCodeException when the reason is not a code of that table (field {@code reason}, the table's codes known)
     * @throws CapReachedException  when the offer would pass a cap; then neither the ledger entry nor the feedback is written
     */
    public FeedbackResult feedback(String decisionId, String action, String outcome, String reason, Boolean helpful, String comment, String caller) {
        ForFeedback row = jdbc.sql("select schema_version, decision, release_number, customer_key, locale from decision_log where id = ?").param(decisionId)
                .query((rs, n) -> new ForFeedback(StoredSchema.decision(rs.getInt("schema_version"), rs.getString("decision"), decisionId,
                        rs.getInt("release_number")), rs.getString("customer_key"), rs.getString("locale")))
                .optional().orElseThrow(() -> new NotFound(decisionId));
        Decision.Action chosen = row.decision().actions().stream().filter(a -> a.code().equals(action)).findFirst()
                .orElseThrow(() -> new UnknownAction(action, row.decision().actions().stream().map(Decision.Action::code).toList()));
        String why = reason == null || reason.isBlank() ? null : reason;
        if (why != null) {
            if (!"REJECTED".equals(outcome)) {
                throw new ReasonNotAllowed(outcome);
            }
            Vocabulary vocabulary = holder.current().vocabularies().get(row.locale());
            Set<String> known = vocabulary == null ? Set.of() : vocabulary.rejectionReasons().keySet();
            if (!known.contains(why)) {
                throw new UnknownCodeException("reason", why, known);
            }
        }
        Runnable record = () -> {
            jdbc.sql("insert into decision_feedback (decision_id, action, outcome, reason, helpful, comment, caller, at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(decisionId, action, outcome, why, helpful, comment, caller, clock.instant().atOffset(ZoneOffset.UTC)).update();
            events.publishEvent(new FollowUpRecorded(decisionId));
        };
        if (outcome.equals("ACCEPTED") && chosen.type().equals("OFFER") && row.customerKey() != null) {
            CouponLimits limits = CouponLimits.of(holder.current().manual(), row.locale());
            LedgerStore.Acceptance accepted = ledger.accept(decisionId, action, row.customerKey(), StoredSchema.writeParams(chosen.params()), limits, record);
            return new FeedbackResult(decisionId, action, outcome, accepted.name());
        }
        tx.executeWithoutResult(status -> record.run());
        return new FeedbackResult(decisionId, action, outcome, "NOT_APPLICABLE");
    }

    /** What feedback needs of a logged decision: its actions, whose ledger an accepted offer enters, and the locale of its cap. */
    private record ForFeedback(Decision decision, String customerKey, String locale) {
    }

    // --- outcomes

    /**
     * Stores what happened after a decision as its outcome. The latest report replaces the outcome and every report stays
     * in the history; sending the report that is already the outcome again records nothing and returns it as it is.
     *
     * @throws InvalidOutcome when the report carries no field, or a field outside its range
     * @throws NotFound       when there is no such decision
     */
    public Outcome reportOutcome(String decisionId, OutcomeReport report, String caller) {
        return outcomes.report(decisionId, report, caller, () -> events.publishEvent(new FollowUpRecorded(decisionId)));
    }

    /** The decision's outcome, empty until one is reported; nothing is checked about the decision itself. */
    public Optional<Outcome> outcome(String decisionId) {
        return outcomes.current(decisionId);
    }

    /** Every report received for the decision, oldest first; the last is its outcome. */
    public List<Outcome> outcomeHistory(String decisionId) {
        return outcomes.history(decisionId);
    }

    // --- what the insights read

    /** At most {@code limit} logged decisions after log position {@code seq}, in log order. */
    public List<Digest> digestsAfter(long seq, int limit) {
        return jdbc.sql("select seq, id, at, release_number, locale, channel, intent, schema_version, situation, decision from decision_log "
                        + "where seq > ? order by seq fetch first ? rows only")
                .params(seq, limit)
                .query((rs, n) -> {
                    String id = rs.getString("id");
                    int version = rs.getInt("schema_version");
                    int release = rs.getInt("release_number");
                    List<Shown> shown = List.of();
                    String words = null;
                    try {
                        Decision decision = StoredSchema.decision(version, rs.getString("decision"), id, release);
                        shown = decision.actions().stream()
                                .map(a -> new Shown(a.code(), a.rule() == null ? "" : a.rule(), a.sections().stream().map(Decision.SectionRef::id).toList()))
                                .toList();
                        if (decision.sections().isEmpty()) {
                            String text = StoredSchema.situation(version, rs.getString("situation")).interaction().text();
                            words = text == null || text.isBlank() || text.startsWith("hash:") ? null : text;
                        }
                    } catch (RuntimeException unreadable) {
                        // the chain check reports such a row; the insights still count the decision, without its actions
                        log.warn("Decision {} cannot be read for the insights: {}", id, unreadable.getMessage());
                    }
                    return new Digest(rs.getLong("seq"), id, rs.getObject("at", OffsetDateTime.class).toInstant(), release, rs.getString("locale"),
                            rs.getString("channel"), rs.getString("intent"), shown, words);
                })
                .list();
    }

    /** What followed each of these decisions now; a decision without feedback or outcome has an empty map and a null outcome. */
    public Map<String, FollowUp> followUps(Collection<String> decisionIds) {
        if (decisionIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Feedback>> latest = new HashMap<>();
        jdbc.sql("select * from decision_feedback where decision_id in (:ids) order by id").param("ids", List.copyOf(decisionIds))
                .query(rs -> {
                    latest.computeIfAbsent(rs.getString("decision_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("action"), new Feedback(rs.getString("action"), rs.getString("outcome"), rs.getString("reason"),
                                    (Boolean) rs.getObject("helpful"), rs.getString("comment"), rs.getString("caller"),
                                    rs.getObject("at", OffsetDateTime.class).toInstant()));
                });
        Map<String, Outcome> reported = outcomes.current(decisionIds);
        Map<String, FollowUp> followUps = new HashMap<>();
        for (String id : decisionIds) {
            followUps.put(id, new FollowUp(id, latest.getOrDefault(id, Map.of()), reported.get(id)));
        }
        return followUps;
    }

    /** Walks the whole chain and reports every record whose content or link does not match, not only the first. */
    public ChainCheck verifyChain() {
        return HashChain.verify(jdbc);
    }

    // --- impact

    /** A change's impact replays this many logged decisions when the caller names no number, and never more than the maximum. */
    public static final int DEFAULT_IMPACT_SAMPLE = 1000;
    public static final int MAX_IMPACT_SAMPLE = 100_000;

    /** How decisions would change: replayed situations whose actions differ, which codes appear or disappear, with examples. */
    public record Impact(int replayed, int changed, Map<String, Integer> appeared, Map<String, Integer> disappeared, List<Example> examples,
                         int currentRelease) {
    }

    /** One replayed situation whose actions differ, with the codes not applied on each side (held back by a cap, for example). */
    public record Example(String decisionId, List<String> before, List<String> after, List<String> notAppliedBefore, List<String> notAppliedAfter) {
    }

    /**
     * The impact use case: compiles the change's draft, through the same rule grammar as publishing, and replays the logged
     * situations of the window (newest first, {@code sample} of them, {@value #DEFAULT_IMPACT_SAMPLE} when null) on the current
     * release and on the draft with the ledger each customer has today.
     *
     * @throws dev.pauta.authoring.AuthoringException.NotFound when there is no such change
     * @throws dev.pauta.manual.InvalidBundleException        when the draft does not compile; nothing is replayed
     */
    public Impact impact(long changeId, Instant from, Instant to, Integer sample) {
        int n = sample == null ? DEFAULT_IMPACT_SAMPLE : sample;
        if (n < 1 || n > MAX_IMPACT_SAMPLE) {
            throw new IllegalArgumentException("sample must be from 1 to " + MAX_IMPACT_SAMPLE + ", not " + n);
        }
        return impact.of(changeId, from, to, n);
    }
}
