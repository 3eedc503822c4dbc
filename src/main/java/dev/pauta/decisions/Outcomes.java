package dev.pauta.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outcomes reported for logged decisions: every report is kept in {@code decision_outcome_report}, and the latest one is
 * the decision's outcome in {@code decision_outcome}. Reports for one decision are taken one at a time (the decision's log
 * row is locked while one is recorded), and a report equal to the current outcome records nothing. Thread-safe.
 */
final class Outcomes {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Outcomes(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Checks the report, then stores it as the decision's outcome unless it equals the current one; {@code afterwards} runs in the same transaction. */
    Decisions.Outcome report(String decisionId, Decisions.OutcomeReport report, String caller, Runnable afterwards) {
        Objects.requireNonNull(report, "report");
        check(report);
        return tx.execute(status -> {
            jdbc.sql("select id from decision_log where id = ? for update").param(decisionId).query(String.class).optional()
                    .orElseThrow(() -> new Decisions.NotFound(decisionId));
            Optional<Decisions.Outcome> current = current(decisionId);
            if (current.isPresent() && current.get().report().equals(report)) {
                return current.get();
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into decision_outcome_report (decision_id, resolved, first_contact, csat, contacts_about_issue, handle_seconds, caller, at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(decisionId, report.resolved(), report.firstContact(), report.csat(), report.contactsAboutIssue(), report.handleSeconds(), caller, when)
                    .update(key, "id");
            long reportId = key.getKey().longValue();
            int reports = current.map(c -> c.reports() + 1).orElse(1);
            if (current.isPresent()) {
                jdbc.sql("update decision_outcome set report_id = ?, resolved = ?, first_contact = ?, csat = ?, contacts_about_issue = ?, handle_seconds = ?, "
                                + "caller = ?, at = ?, reports = ? where decision_id = ?")
                        .params(reportId, report.resolved(), report.firstContact(), report.csat(), report.contactsAboutIssue(), report.handleSeconds(), caller,
                                when, reports, decisionId)
                        .update();
            } else {
                jdbc.sql("insert into decision_outcome (decision_id, report_id, resolved, first_contact, csat, contacts_about_issue, handle_seconds, caller, at, "
                                + "reports) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(decisionId, reportId, report.resolved(), report.firstContact(), report.csat(), report.contactsAboutIssue(), report.handleSeconds(),
                                caller, when, reports)
                        .update();
            }
            afterwards.run();
            return new Decisions.Outcome(decisionId, report.resolved(), report.firstContact(), report.csat(), report.contactsAboutIssue(), report.handleSeconds(),
                    caller, at, reports);
        });
    }

    Optional<Decisions.Outcome> current(String decisionId) {
        return jdbc.sql("select * from decision_outcome where decision_id = ?").param(decisionId)
                .query((rs, n) -> outcome(rs, rs.getInt("reports"))).optional();
    }

    /** The outcomes of those of these decisions that have one, by decision id. */
    Map<String, Decisions.Outcome> current(Collection<String> decisionIds) {
        Map<String, Decisions.Outcome> found = new HashMap<>();
        jdbc.sql("select * from decision_outcome where decision_id in (:ids)").param("ids", List.copyOf(decisionIds))
                .query(rs -> {
                    found.put(rs.getString("decision_id"), outcome(rs, rs.getInt("reports")));
                });
        return found;
    }

    /** Every report for the decision, oldest first, each numbered by its place in that order. */
    List<Decisions.Outcome> history(String decisionId) {
        return jdbc.sql("select * from decision_outcome_report where decision_id = ? order by id").param(decisionId)
                .query((rs, n) -> outcome(rs, n + 1)).list();
    }

    private static Decisions.Outcome outcome(ResultSet rs, int reports) throws SQLException {
        return new Decisions.Outcome(rs.getString("decision_id"), (Boolean) rs.getObject("resolved"), (Boolean) rs.getObject("first_contact"),
                integer(rs, "csat"), integer(rs, "contacts_about_issue"), integer(rs, "handle_seconds"), rs.getString("caller"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), reports);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static void check(Decisions.OutcomeReport r) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.resolved() == null && r.firstContact() == null && r.csat() == null && r.contactsAboutIssue() == null && r.handleSeconds() == null) {
            errors.put("report", "must carry at least one of resolved, firstContact, csat, contactsAboutIssue, handleSeconds");
        }
        range(errors, "csat", r.csat(), 1, Decisions.OutcomeReport.MAX_CSAT);
        range(errors, "contactsAboutIssue", r.contactsAboutIssue(), 1, Decisions.OutcomeReport.MAX_CONTACTS);
        range(errors, "handleSeconds", r.handleSeconds(), 0, Decisions.OutcomeReport.MAX_HANDLE_SECONDS);
        if (!errors.isEmpty()) {
            throw new Decisions.InvalidOutcome(errors);
        }
    }

    private static void range(Map<String, String> errors, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            errors.put(field, "must be from " + min + " to " + max + ", not " + value);
        }
    }
}
