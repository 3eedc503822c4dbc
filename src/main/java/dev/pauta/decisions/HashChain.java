package dev.pauta.decisions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The decision log's hash chain: each record's SHA-256 covers its stored fields and the previous record's hash, so
 * changing, removing or reordering a record breaks the chain. Version 1, the rows written before the chain was
 * versioned, hashed the time in milliseconds; version 2 hashes a canonical form of exactly the stored values; version 3
 * adds the stored schema version, a column versions 1 and 2 did not have, so their rows verify only in schema version 1.
 * Stateless and thread-safe.
 */
final class HashChain {

    static final String GENESIS = "0".repeat(64);
    static final int CURRENT_VERSION = 3;
    /** How many broken records a check lists; the count covers them all. */
    static final int LISTED = 20;
    private static final int PAGE = 500;

    private HashChain() {
    }

    /** The hash of a record in the current version, as the writer stores it. */
    static String hash(long seq, DecisionRecord r, String previous) {
        return version3(seq, r, previous);
    }

    /** Whether the stored hash is the record's hash in the version it was written with. */
    static boolean matches(int version, long seq, DecisionRecord r, String previous, String stored) {
        return switch (version) {
            // Versions 1 and 2 were written before schema versions, so a row of theirs that names another one was changed.
            case 1 -> r.schemaVersion() == 1 && (version1(seq, r, previous, r.at().toEpochMilli()).equals(stored)
                    // Version 1 hashed the nanosecond time's milliseconds but the database rounded it to microseconds,
                    // which moved a time in the last half microsecond of a millisecond onto the next one.
                    || r.at().getNano() % 1_000_000 == 0 && version1(seq, r, previous, r.at().toEpochMilli() - 1).equals(stored));
            case 2 -> r.schemaVersion() == 1 && version2(seq, r, previous).equals(stored);
            case CURRENT_VERSION -> version3(seq, r, previous).equals(stored);
            default -> false;
        };
    }

    /** Walks the whole log in order and reports every record whose content or link does not match, listing the first ones. */
    static Decisions.ChainCheck verify(JdbcClient jdbc) {
        String previous = GENESIS;
        long checked = 0;
        long broken = 0;
        List<Decisions.BrokenRecord> listed = new ArrayList<>();
        long after = Long.MIN_VALUE;
        while (true) {
            List<Stored> page = jdbc.sql("""
                            select seq, id, at, release_number, caller, customer_key, locale, channel, intent, schema_version, situation, decision,
                                   latency_micros, prev_hash, hash, chain_version
                            from decision_log where seq > ? order by seq fetch first %d rows only""".formatted(PAGE))
                    .param(after)
                    .query((rs, n) -> new Stored(rs.getLong("seq"), rs.getInt("chain_version"), new DecisionRecord(rs.getString("id"),
                            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getInt("release_number"), rs.getString("caller"),
                            rs.getString("customer_key"), rs.getString("locale"), rs.getString("channel"), rs.getString("intent"),
                            rs.getInt("schema_version"), rs.getString("situation"), rs.getString("decision"), rs.getLong("latency_micros")),
                            rs.getString("prev_hash"), rs.getString("hash")))
                    .list();
            for (Stored s : page) {
                checked++;
                String problem = null;
                if (!s.previous().equals(previous)) {
                    problem = "the record does not link to the one before it (removed or reordered)";
                } else if (!matches(s.version(), s.seq(), s.record(), s.previous(), s.hash())) {
                    problem = s.version() >= 1 && s.version() <= CURRENT_VERSION
                            ? "the record's content does not match its hash (changed after it was written)"
                            : "the record names chain version " + s.version() + ", which this release does not know";
                }
                if (problem != null) {
                    broken++;
                    if (listed.size() < LISTED) {
                        listed.add(new Decisions.BrokenRecord(s.seq(), s.record().id(), problem));
                    }
                }
                // The next record links to the stored hash, so one changed record is reported once, not with all that follow.
                previous = s.hash();
                after = s.seq();
            }
            if (page.size() < PAGE) {
                return Decisions.ChainCheck.of(checked, broken, listed);
            }
        }
    }

    private record Stored(long seq, int version, DecisionRecord record, String previous, String hash) {
    }

    /** The millisecond form of rows written before the chain was versioned; kept only to verify them. */
    private static String version1(long seq, DecisionRecord r, String previous, long epochMilli) {
        String canonical = String.join("\u001f", String.valueOf(seq), r.id(), String.valueOf(epochMilli), String.valueOf(r.release()), r.caller(),
                String.valueOf(r.customerKey()), r.locale(), r.channel(), r.intent(), r.situation(), r.decision(), String.valueOf(r.latencyMicros()), previous);
        return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every stored field of its time in column order, the time as epoch microseconds, each field length-prefixed so no two records encode alike. */
    private static String version2(long seq, DecisionRecord r, String previous) {
        return digest("2", String.valueOf(seq), r.id(), String.valueOf(epochMicros(r.at())), String.valueOf(r.release()), r.caller(), r.customerKey(),
                r.locale(), r.channel(), r.intent(), r.situation(), r.decision(), String.valueOf(r.latencyMicros()), previous);
    }

    /** Version 2's fields with the stored schema version before the situation and decision it describes. */
    private static String version3(long seq, DecisionRecord r, String previous) {
        return digest("3", String.valueOf(seq), r.id(), String.valueOf(epochMicros(r.at())), String.valueOf(r.release()), r.caller(), r.customerKey(),
                r.locale(), r.channel(), r.intent(), String.valueOf(r.schemaVersion()), r.situation(), r.decision(), String.valueOf(r.latencyMicros()),
                previous);
    }

    private static String digest(String... fields) {
        MessageDigest digest = sha256();
        for (String field : fields) {
            put(digest, field);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A presence byte, the length in UTF-16 code units (4 bytes, big-endian) and the code units: lossless for any Java string. */
    private static void put(MessageDigest digest, String field) {
        if (field == null) {
            digest.update((byte) 0);
            return;
        }
        digest.update((byte) 1);
        ByteBuffer bytes = ByteBuffer.allocate(4 + 2 * field.length());
        bytes.putInt(field.length());
        bytes.asCharBuffer().put(field);
        digest.update(bytes.array());
    }

    private static long epochMicros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
