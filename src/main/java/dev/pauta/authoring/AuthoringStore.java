package dev.pauta.authoring;

import dev.pauta.manual.Bundle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** SQL over the authoring tables; every method runs in the caller's transaction. */
class AuthoringStore {

    record Revision(long revision, String path, String content, String contentHash, String author, String message, Instant createdAt, Long changeId) {
        boolean deleted() {
            return content == null;
        }
    }

    record ChangeRow(long id, String title, String status, String reviewState, int baseRelease, String author, Instant createdAt, Instant updatedAt,
                     Integer publishedRelease) {
    }

    private final JdbcClient jdbc;

    AuthoringStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- releases

    Optional<Integer> currentReleaseNumber() {
        return jdbc.sql("select max(number) from manual_release").query(Integer.class).optional();
    }

    List<Views.ReleaseView> releases() {
        Integer current = currentReleaseNumber().orElse(null);
        return jdbc.sql("select * from manual_release order by number desc").query((rs, n) -> releaseView(rs, current)).list();
    }

    Optional<Views.ReleaseView> release(int number) {
        Integer current = currentReleaseNumber().orElse(null);
        return jdbc.sql("select * from manual_release where number = ?").param(number).query((rs, n) -> releaseView(rs, current)).optional();
    }

    private static Views.ReleaseView releaseView(ResultSet rs, Integer current) throws SQLException {
        int number = rs.getInt("number");
        return new Views.ReleaseView(number, rs.getString("content_hash"), rs.getString("author"), rs.getString("reviewer"), rs.getString("publisher"),
                rs.getString("message"), instant(rs, "created_at"), rs.getString("kind"), (Integer) rs.getObject("source"), rs.getInt("documents"),
                current != null && current == number);
    }

    /** The revision of every document in a release, by path. */
    Map<String, Revision> releaseDocuments(int number) {
        return byPath("""
                select r.* from release_document d join document_revision r on r.revision = d.revision
                where d.release_number = ? order by d.path""", number);
    }

    private Map<String, Revision> byPath(String sql, Object key) {
        Map<String, Revision> documents = new TreeMap<>();
        jdbc.sql(sql).param(key).query(AuthoringStore::revision).list().forEach(r -> documents.put(r.path(), r));
        return documents;
    }

    Bundle bundle(int number) {
        Map<String, String> documents = new LinkedHashMap<>();
        releaseDocuments(number).forEach((path, r) -> documents.put(path, r.content()));
        return new Bundle(documents);
    }

    /** Who made the release: {@code author} wrote its content, {@code reviewer} approved it (null when nobody did), {@code publisher} published it. */
    record Makers(String author, String reviewer, String publisher) {
    }

    void insertRelease(int number, String hash, Makers makers, String message, Instant at, String kind, Integer source, Map<String, Long> revisions) {
        jdbc.sql("""
                insert into manual_release (number, content_hash, author, reviewer, publisher, message, created_at, kind, source, documents)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, hash, makers.author(), makers.reviewer(), makers.publisher(), message, timestamp(at), kind, source, revisions.size()).update();
        revisions.forEach((path, revision) -> jdbc.sql("insert into release_document (release_number, path, revision) values (?, ?, ?)")
                .params(number, path, revision).update());
    }

    int documentCount(int number) {
        return jdbc.sql("select count(*) from release_document where release_number = ?").param(number).query(Integer.class).single();
    }

    // --- revisions

    long insertRevision(String path, String content, String author, String message, Instant at, Long changeId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into document_revision (path, content, content_hash, author, message, created_at, change_id) values (?, ?, ?, ?, ?, ?, ?)")
                .params(path, content, hash(content), author, message, timestamp(at), changeId)
                .update(keys, "revision");
        return keys.getKey().longValue();
    }

    Optional<Revision> revision(long revision) {
        return jdbc.sql("select * from document_revision where revision = ?").param(revision).query(AuthoringStore::revision).optional();
    }

    List<Revision> history(String path) {
        return jdbc.sql("select * from document_revision where path = ? order by revision desc").param(path).query(AuthoringStore::revision).list();
    }

    private static Revision revision(ResultSet rs, int n) throws SQLException {
        return new Revision(rs.getLong("revision"), rs.getString("path"), rs.getString("content"), rs.getString("content_hash"), rs.getString("author"),
                rs.getString("message"), instant(rs, "created_at"), (Long) rs.getObject("change_id", Long.class));
    }

    // --- changes

    long insertChange(String title, int baseRelease, String author, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into change_request (title, status, base_release, author, created_at, updated_at) values (?, 'OPEN', ?, ?, ?, ?)")
                .params(title, baseRelease, author, timestamp(at), timestamp(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<ChangeRow> change(long id) {
        return jdbc.sql("select * from change_request where id = ?").param(id).query(AuthoringStore::changeRow).optional();
    }

    /** Locks the change row until the transaction ends, so edits and publishing of one change take turns. */
    Optional<ChangeRow> lockChange(long id) {
        return jdbc.sql("select * from change_request where id = ? for update").param(id).query(AuthoringStore::changeRow).optional();
    }

    List<ChangeRow> changes() {
        return jdbc.sql("select * from change_request order by id desc").query(AuthoringStore::changeRow).list();
    }

    private static ChangeRow changeRow(ResultSet rs, int n) throws SQLException {
        return new ChangeRow(rs.getLong("id"), rs.getString("title"), rs.getString("status"), rs.getString("review_state"), rs.getInt("base_release"),
                rs.getString("author"), instant(rs, "created_at"), instant(rs, "updated_at"), (Integer) rs.getObject("published_release"));
    }

    /** The latest revision of each document the change edits, by path. */
    Map<String, Revision> changeDocuments(long changeId) {
        return byPath("""
                select r.* from change_document d join document_revision r on r.revision = d.revision
                where d.change_id = ? order by d.path""", changeId);
    }

    /** Points the change at a new revision of the path only if it still points at {@code expected}; false when someone was faster. */
    boolean moveChangeDocument(long changeId, String path, Long expected, long revision) {
        if (expected == null) {
            return jdbc.sql("insert into change_document (change_id, path, revision) values (?, ?, ?)").params(changeId, path, revision).update() == 1;
        }
        return jdbc.sql("update change_document set revision = ? where change_id = ? and path = ? and revision = ?")
                .params(revision, changeId, path, expected).update() == 1;
    }

    void touchChange(long id, Instant at) {
        jdbc.sql("update change_request set updated_at = ? where id = ?").params(timestamp(at), id).update();
    }

    /** Ends a change's life: its status and its review state both become {@code status}. */
    void closeChange(long id, String status, Integer release, Instant at) {
        jdbc.sql("update change_request set status = ?, review_state = ?, published_release = ?, updated_at = ? where id = ?")
                .params(status, status, release, timestamp(at), id).update();
    }

    void moveBase(long id, int release, Instant at) {
        jdbc.sql("update change_request set base_release = ?, updated_at = ? where id = ?").params(release, timestamp(at), id).update();
    }

    // --- review

    void setReviewState(long id, String state, Instant at) {
        jdbc.sql("update change_request set review_state = ?, updated_at = ? where id = ?").params(state, timestamp(at), id).update();
    }

    void insertReview(long changeId, String kind, String actor, Instant at, String comment) {
        jdbc.sql("insert into change_review (change_id, kind, actor, at, comment) values (?, ?, ?, ?, ?)")
                .params(changeId, kind, actor, timestamp(at), comment).update();
    }

    List<Views.ReviewEvent> reviews(long changeId) {
        return jdbc.sql("select * from change_review where change_id = ? order by id").param(changeId)
                .query((rs, n) -> new Views.ReviewEvent(rs.getString("kind"), rs.getString("actor"), instant(rs, "at"), rs.getString("comment"))).list();
    }

    /** Everyone who saved a revision of a document in the change, in the order they first did. */
    List<String> revisionAuthors(long changeId) {
        return jdbc.sql("select author from document_revision where change_id = ? group by author order by min(revision)").param(changeId)
                .query(String.class).list();
    }

    // --- audit

    void audit(String actor, String action, String target, String detail, Instant at) {
        jdbc.sql("insert into audit_event (at, actor, action, target, detail) values (?, ?, ?, ?, ?)")
                .params(timestamp(at), actor, action, target, detail == null ? null : truncate(detail, 4000)).update();
    }

    List<Views.AuditEntry> audit(int limit) {
        return jdbc.sql("select * from audit_event order by id desc fetch first ? rows only").param(limit).query((rs, n) -> new Views.AuditEntry(rs.getLong("id"), instant(rs, "at"),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"))).list();
    }

    // --- helpers

    static String hash(String content) {
        return DigestUtils.sha256Hex(content == null ? "\u0000deleted" : content);
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

}
