package dev.pauta.insights;

import dev.pauta.authoring.Authoring;
import dev.pauta.authoring.Views;
import dev.pauta.decisions.Decisions;
import dev.pauta.guidance.ManualSections;
import dev.pauta.guidance.SectionNotFoundException;
import dev.pauta.guidance.SectionView;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.guidance.UnknownCodeException;
import dev.pauta.manual.Section;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Problem reports on manual sections: agents report one against the section they read (in its locale and release,
 * optionally for a decision), and it waits, open, in the inbox of the section's owner, who accepts it into a change or
 * declines it with a reply the reporter reads. Every report is checked against the current release before it is stored.
 * Thread-safe.
 */
public class Suggestions {

    /** The longest report text, in characters (UTF-16 units, as the API counts them). */
    public static final int MAX_TEXT = 2000;
    /** The longest section id a report may name, as the API reads ids. */
    public static final int MAX_SECTION = 120;
    /** The most reports one listing returns. */
    public static final int MAX_LIMIT = 500;

    /** A report or a listing that cannot be taken as sent; {@code errors} maps each field at fault to what is wrong with it. */
    public static class Invalid extends RuntimeException {
        private final Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super(String.join("; ", errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
            this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /** No report has this id. */
    public static class NotFound extends RuntimeException {
        NotFound(long id) {
            super("no problem report " + id);
        }
    }

    /** The report was already accepted or declined; {@code status} says which. */
    public static class Closed extends RuntimeException {
        private final String status;

        Closed(long id, String status) {
            super("problem report " + id + " is already " + status.toLowerCase(Locale.ROOT));
            this.status = status;
        }

        public String status() {
            return status;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ManualSections sections;
    private final Decisions decisions;
    private final SnapshotHolder holder;
    private final Authoring authoring;
    private final TransactionTemplate tx;

    Suggestions(JdbcClient jdbc, Clock clock, ManualSections sections, Decisions decisions, SnapshotHolder holder, Authoring authoring, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sections = sections;
        this.decisions = decisions;
        this.holder = holder;
        this.authoring = authoring;
        this.tx = tx;
    }

    /**
     * Stores a report from {@code reporter}, OPEN, for the owner the section names in the current release.
     *
     * @throws Invalid                  when the text is blank or longer than {@value #MAX_TEXT}, the section is blank or longer
     *                                  than {@value #MAX_SECTION}, or the release is not from 1 to the current one
     * @throws UnknownCodeException     when the current release has no such locale
     * @throws SectionNotFoundException when the locale has no such section
     * @throws Decisions.NotFound       when a decision id is given and no decision has it
     */
    public Suggestion report(SuggestionDraft draft, String reporter) {
        Objects.requireNonNull(reporter, "reporter");
        Map<String, String> errors = new LinkedHashMap<>();
        if (draft.section() == null || draft.section().isBlank()) {
            errors.put("section", "must name a section of the manual");
        } else if (draft.section().length() > MAX_SECTION) {
            errors.put("section", "must be at most " + MAX_SECTION + " characters");
        }
        if (draft.text() == null || draft.text().isBlank()) {
            errors.put("text", "must say what is wrong");
        } else if (draft.text().length() > MAX_TEXT) {
            errors.put("text", "must be at most " + MAX_TEXT + " characters, not " + draft.text().length());
        }
        if (draft.release() != null && draft.release() < 1) {
            errors.put("release", "must be 1 or more");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        SectionView section = sections.section(draft.section(), draft.locale());
        if (draft.release() != null && draft.release() > section.release()) {
            throw new Invalid(Map.of("release", "must be at most " + section.release() + ", the current release"));
        }
        String decisionId = draft.decisionId() == null || draft.decisionId().isBlank() ? null : draft.decisionId();
        if (decisionId != null) {
            decisions.find(decisionId);
        }
        int release = draft.release() == null ? section.release() : draft.release();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into suggestion (section, locale, release_number, decision_id, text, status, reporter, owner, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(section.id(), section.locale(), release, decisionId, draft.text(), Suggestion.OPEN, reporter, section.owner(), at.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return new Suggestion(keys.getKey().longValue(), section.id(), section.locale(), release, decisionId, draft.text(), Suggestion.OPEN, reporter,
                section.owner(), at, null, null, null, null);
    }

    /** The report with this id. @throws NotFound when there is none */
    public Suggestion get(long id) {
        return jdbc.sql("select * from suggestion where id = ?").param(id).query(Suggestions::suggestion).optional().orElseThrow(() -> new NotFound(id));
    }

    /**
     * Accepts an open report: starts a change titled after it, holding the section's document as the current release has
     * it (the owner edits from there), and records the change on the report, all in one transaction.
     *
     * @throws NotFound                 when there is no such report
     * @throws Closed                   when it was already accepted or declined
     * @throws SectionNotFoundException when the current release no longer has the section in the report's locale
     * @throws UnknownCodeException     when it no longer has the report's locale
     */
    public Suggestion accept(long id, String actor) {
        Objects.requireNonNull(actor, "actor");
        return tx.execute(status -> {
            Suggestion open = lockOpen(id);
            SectionView current = sections.section(open.section(), open.locale());
            String path = holder.current().manual().section(current.locale(), current.id()).map(Section::path)
                    .orElseThrow(() -> new IllegalStateException("the release being served changed while report " + id + " was accepted"));
            Views.ChangeView change = authoring.createChange("Problem report " + id + " on " + current.id() + " (" + current.locale() + ")", actor);
            Views.DocumentView document = authoring.document(path, null);
            authoring.putDocument(change.id(), path, document.content(), document.revision(), actor);
            jdbc.sql("update suggestion set status = ?, change_id = ?, decided_by = ?, decided_at = ? where id = ?")
                    .params(Suggestion.ACCEPTED, change.id(), actor, now(), id).update();
            return get(id);
        });
    }

    /**
     * Declines an open report with a reply its reporter reads.
     *
     * @throws Invalid  when the reply is blank or longer than {@value #MAX_TEXT}
     * @throws NotFound when there is no such report
     * @throws Closed   when it was already accepted or declined
     */
    public Suggestion decline(long id, String actor, String reply) {
        Objects.requireNonNull(actor, "actor");
        if (reply == null || reply.isBlank()) {
            throw new Invalid(Map.of("reply", "must tell the reporter why the report is declined"));
        }
        if (reply.length() > MAX_TEXT) {
            throw new Invalid(Map.of("reply", "must be at most " + MAX_TEXT + " characters, not " + reply.length()));
        }
        return tx.execute(status -> {
            lockOpen(id);
            jdbc.sql("update suggestion set status = ?, reply = ?, decided_by = ?, decided_at = ? where id = ?")
                    .params(Suggestion.DECLINED, reply.strip(), actor, now(), id).update();
            return get(id);
        });
    }

    private Suggestion lockOpen(long id) {
        Suggestion found = jdbc.sql("select * from suggestion where id = ? for update").param(id).query(Suggestions::suggestion).optional()
                .orElseThrow(() -> new NotFound(id));
        if (!Suggestion.OPEN.equals(found.status())) {
            throw new Closed(id, found.status());
        }
        return found;
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /**
     * The reports {@code reporter} made, newest first, at most {@code limit} (1 to {@value #MAX_LIMIT}).
     *
     * @throws Invalid when the limit is out of range
     */
    public List<Suggestion> byReporter(String reporter, int limit) {
        checkLimit(limit);
        return jdbc.sql("select * from suggestion where reporter = ? order by created_at desc, id desc fetch first ? rows only")
                .params(reporter, limit).query(Suggestions::suggestion).list();
    }

    /**
     * Reports newest first, at most {@code limit} (1 to {@value #MAX_LIMIT}), of one owner and in one status when they are
     * given (null or blank for any).
     *
     * @throws UnknownCodeException when the status is not one of {@link Suggestion#STATUSES} (field {@code status})
     * @throws Invalid              when the limit is out of range
     */
    public List<Suggestion> list(String owner, String status, int limit) {
        checkLimit(limit);
        StringBuilder sql = new StringBuilder("select * from suggestion where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (owner != null && !owner.isBlank()) {
            sql.append(" and owner = ?");
            params.add(owner);
        }
        if (status != null && !status.isBlank()) {
            if (!Suggestion.STATUSES.contains(status)) {
                throw new UnknownCodeException("status", status, Set.copyOf(Suggestion.STATUSES));
            }
            sql.append(" and status = ?");
            params.add(status);
        }
        params.add(limit);
        return jdbc.sql(sql.append(" order by created_at desc, id desc fetch first ? rows only").toString()).params(params)
                .query(Suggestions::suggestion).list();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Invalid(Map.of("limit", "must be from 1 to " + MAX_LIMIT + ", not " + limit));
        }
    }

    private static Suggestion suggestion(ResultSet rs, int row) throws SQLException {
        return new Suggestion(rs.getLong("id"), rs.getString("section"), rs.getString("locale"), rs.getInt("release_number"), rs.getString("decision_id"),
                rs.getString("text"), rs.getString("status"), rs.getString("reporter"), rs.getString("owner"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("reply"), (Long) rs.getObject("change_id", Long.class),
                rs.getString("decided_by"), Optional.ofNullable(rs.getObject("decided_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null));
    }
}
