package dev.pauta.insights;

import dev.pauta.decisions.Decisions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One logged decision as the rollups count it now: its day and dimensions, the actions it showed, the latest feedback on
 * each and its outcome. The rollups hold exactly {@link #addTo} of every decision's current state, so a later feedback
 * or outcome is counted by taking the old state away and adding the new one. Immutable.
 */
record Counted(String decisionId, LocalDate day, String locale, String channel, String intent, int release, List<Action> actions,
               Map<String, Feedback> feedback, Outcome outcome) {

    /** An action shown: its code and the rule that proposed it. */
    record Action(String code, String rule) {
    }

    /** The latest feedback on one action: ACCEPTED or REJECTED, the reason ('' for none) and whether it helped (null: not said). */
    record Feedback(String outcome, String reason, Boolean helpful) {
    }

    /** The outcome reported; each field null when not known. */
    record Outcome(Boolean resolved, Boolean firstContact, Integer csat, Integer contacts, Integer handleSeconds) {
    }

    static final int MAX_CODE = 60;
    static final int MAX_RULE = 300;

    /** A decision as the log has it, before anything followed it. */
    static Counted of(Decisions.Digest digest) {
        Set<Action> actions = new LinkedHashSet<>();
        digest.actions().forEach(a -> actions.add(new Action(clip(a.code(), MAX_CODE), clip(a.rule(), MAX_RULE))));
        return new Counted(digest.decisionId(), LocalDate.ofInstant(digest.at(), ZoneOffset.UTC), digest.locale(), digest.channel(), digest.intent(),
                digest.release(), List.copyOf(actions), Map.of(), null);
    }

    /** The same decision with what follows it now. */
    Counted with(Decisions.FollowUp followUp) {
        Map<String, Feedback> latest = new LinkedHashMap<>();
        followUp.latestFeedback().forEach((code, f) -> latest.put(clip(code, MAX_CODE), new Feedback(f.outcome(), f.reason() == null ? "" : f.reason(),
                f.helpful())));
        Decisions.Outcome o = followUp.outcome();
        return new Counted(decisionId, day, locale, channel, intent, release, actions, latest,
                o == null ? null : new Outcome(o.resolved(), o.firstContact(), o.csat(), o.contactsAboutIssue(), o.handleSeconds()));
    }

    /** Adds {@code sign} times what this decision counts for to the tallies: its decision and outcome, each action, each rejection. */
    void addTo(Tallies tallies, int sign) {
        List<Object> dimensions = List.of(day, locale, channel, intent, release);
        long[] followed = followed();
        Integer contacts = outcome == null ? null : outcome.contacts();
        Integer handle = outcome == null ? null : outcome.handleSeconds();
        tallies.add(Tallies.Table.OUTCOME, dimensions, sign, new long[] {1, followed[0], followed[1], followed[2], followed[3], followed[4], followed[5],
                followed[6], followed[7], contacts == null ? 0 : contacts, contacts == null ? 0 : 1, contacts != null && contacts >= 2 ? 1 : 0,
                handle == null ? 0 : handle, handle == null ? 0 : 1});
        for (Action action : actions) {
            Feedback f = feedback.get(action.code());
            boolean used = f != null && "ACCEPTED".equals(f.outcome());
            boolean rejected = f != null && "REJECTED".equals(f.outcome());
            List<Object> key = new ArrayList<>(dimensions);
            key.add(action.code());
            key.add(action.rule());
            tallies.add(Tallies.Table.ACTION, key, sign, new long[] {1, used ? 1 : 0, rejected ? 1 : 0, f != null && Boolean.TRUE.equals(f.helpful()) ? 1 : 0,
                    f != null && Boolean.FALSE.equals(f.helpful()) ? 1 : 0, followed[0], followed[1], followed[2], followed[3], followed[4], followed[5],
                    followed[6], followed[7]});
            if (rejected) {
                List<Object> reasonKey = new ArrayList<>(key);
                reasonKey.add(f.reason());
                tallies.add(Tallies.Table.REASON, reasonKey, sign, new long[] {1});
            }
        }
    }

    /** outcomes, resolved, resolved known, first contact, first contact known, csat sum, csat count, satisfied (4 or 5). */
    private long[] followed() {
        if (outcome == null) {
            return new long[8];
        }
        Integer csat = outcome.csat();
        return new long[] {1, Boolean.TRUE.equals(outcome.resolved()) ? 1 : 0, outcome.resolved() == null ? 0 : 1,
                Boolean.TRUE.equals(outcome.firstContact()) ? 1 : 0, outcome.firstContact() == null ? 0 : 1, csat == null ? 0 : csat, csat == null ? 0 : 1,
                csat != null && csat >= 4 ? 1 : 0};
    }

    // --- as insight_decision stores it

    static final String INSERT = "insert into insight_decision (decision_id, utc_day, locale, channel, intent, release_number, actions, feedback, has_outcome, "
            + "resolved, first_contact, csat, contacts_about_issue, handle_seconds) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "update insight_decision set feedback = ?, has_outcome = ?, resolved = ?, first_contact = ?, csat = ?, "
            + "contacts_about_issue = ?, handle_seconds = ? where decision_id = ?";

    Object[] insertRow() {
        Outcome o = outcome == null ? new Outcome(null, null, null, null, null) : outcome;
        return new Object[] {decisionId, day, locale, channel, intent, release, encodeActions(), encodeFeedback(), outcome != null, o.resolved(),
                o.firstContact(), o.csat(), o.contacts(), o.handleSeconds()};
    }

    Object[] updateRow() {
        Outcome o = outcome == null ? new Outcome(null, null, null, null, null) : outcome;
        return new Object[] {encodeFeedback(), outcome != null, o.resolved(), o.firstContact(), o.csat(), o.contacts(), o.handleSeconds(), decisionId};
    }

    static Counted read(ResultSet rs, int row) throws SQLException {
        List<Action> actions = new ArrayList<>();
        for (String line : rs.getString("actions").split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split("\t", -1);
                actions.add(new Action(parts[0], parts[1]));
            }
        }
        Map<String, Feedback> feedback = new LinkedHashMap<>();
        for (String line : rs.getString("feedback").split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split("\t", -1);
                feedback.put(parts[0], new Feedback(parts[1], parts[2], parts[3].isEmpty() ? null : Boolean.valueOf(parts[3])));
            }
        }
        Outcome outcome = rs.getBoolean("has_outcome") ? new Outcome((Boolean) rs.getObject("resolved"), (Boolean) rs.getObject("first_contact"),
                integer(rs, "csat"), integer(rs, "contacts_about_issue"), integer(rs, "handle_seconds")) : null;
        return new Counted(rs.getString("decision_id"), rs.getObject("utc_day", LocalDate.class), rs.getString("locale"), rs.getString("channel"),
                rs.getString("intent"), rs.getInt("release_number"), actions, feedback, outcome);
    }

    private String encodeActions() {
        StringBuilder out = new StringBuilder();
        actions.forEach(a -> out.append(a.code()).append('\t').append(a.rule()).append('\n'));
        return out.toString();
    }

    private String encodeFeedback() {
        StringBuilder out = new StringBuilder();
        feedback.forEach((code, f) -> out.append(code).append('\t').append(f.outcome()).append('\t').append(f.reason()).append('\t')
                .append(f.helpful() == null ? "" : f.helpful().toString()).append('\n'));
        return out.toString();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** Codes and rule names cannot hold the separators of the stored form: the rule grammar admits neither tabs nor line breaks. */
    static String clip(String text, int length) {
        String plain = Objects.requireNonNullElse(text, "").replace('\t', ' ').replace('\n', ' ');
        return plain.length() <= length ? plain : plain.substring(0, length);
    }
}
