package dev.pauta.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * People (hashed passwords) and systems (API keys, stored as hashes, shown once) with their roles. Keys are
 * checked against the database on every request, so a revoked key is refused on its next call. Thread-safe.
 */
public class Accounts {

    public static final Set<String> ROLES = Set.of("AGENT", "EDITOR", "PUBLISHER", "ADMIN");
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{3,120}");

    /** A user as created, without the password. */
    public record User(String username, List<String> roles, Instant createdAt) {
    }

    /** An API key's public part; {@code key} is the secret, present only in the answer that creates it. */
    public record ApiKey(String id, String name, List<String> roles, String createdBy, Instant createdAt, Instant revokedAt, String key) {
    }

    /** An accepted API key: its id and roles. */
    record KeyGrant(String id, List<String> roles) {
    }

    /** Input that cannot make an account: the field and why. */
    public static class Invalid extends RuntimeException {
        public final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** A username or key id that is taken, or a key that does not exist. */
    public static class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** On an empty user table creates 'admin'; returns the password when it was generated, so it can be printed once. */
    Optional<String> bootstrapAdmin(String configuredPassword) {
        long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        if (users > 0) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? token(18) : configuredPassword;
        insertUser("admin", password, List.of("ADMIN"));
        return generated ? Optional.of(password) : Optional.empty();
    }

    public User createUser(String username, String password, List<String> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new Invalid("username", "a username is 3 to 120 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < 12 || password.length() > 200) {
            throw new Invalid("password", "a password has 12 to 200 characters");
        }
        List<String> checked = roles(roles);
        try {
            insertUser(username, password, checked);
        } catch (DuplicateKeyException e) {
            throw new Conflict("user '" + username + "' already exists");
        }
        return new User(username, checked, clock.instant());
    }

    private void insertUser(String username, String password, List<String> roles) {
        jdbc.sql("insert into app_user (username, password_hash, roles, enabled, created_at) values (?, ?, ?, true, ?)")
                .params(username, passwords.encode(password), String.join(",", roles), now()).update();
    }

    /** The stored password hash and roles of an enabled user. */
    Optional<String[]> credentials(String username) {
        return jdbc.sql("select password_hash, roles from app_user where username = ? and enabled = true").param(username)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    public ApiKey createKey(String name, List<String> roles, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new Invalid("name", "an API key needs a name of 1 to 120 characters");
        }
        List<String> checked = roles(roles);
        String id = "key_" + token(9).replace("-", "").replace("_", "");
        String secret = token(32);
        Instant now = clock.instant();
        jdbc.sql("insert into api_key (id, name, key_hash, roles, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, name.trim(), sha256(secret), String.join(",", checked), createdBy, now.atOffset(ZoneOffset.UTC)).update();
        return new ApiKey(id, name.trim(), checked, createdBy, now, null, id + "." + secret);
    }

    public List<ApiKey> keys() {
        return jdbc.sql("select * from api_key order by created_at desc").query((rs, n) -> new ApiKey(rs.getString("id"), rs.getString("name"),
                List.of(rs.getString("roles").split(",")), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("revoked_at", OffsetDateTime.class) == null ? null : rs.getObject("revoked_at", OffsetDateTime.class).toInstant(), null)).list();
    }

    public void revokeKey(String id) {
        int updated = jdbc.sql("update api_key set revoked_at = ? where id = ? and revoked_at is null").params(now(), id).update();
        if (updated == 0) {
            throw new Conflict("no active API key '" + id + "'");
        }
    }

    /** The key's id and roles when the presented key is known and not revoked. */
    Optional<KeyGrant> authenticateKey(String presented) {
        int dot = presented.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = presented.substring(0, dot);
        String hash = sha256(presented.substring(dot + 1));
        return jdbc.sql("select key_hash, roles from api_key where id = ? and revoked_at is null").param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .filter(row -> MessageDigest.isEqual(row[0].getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)))
                .map(row -> new KeyGrant(id, split(row[1])));
    }

    private static List<String> roles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new Invalid("roles", "give at least one role of " + ROLES);
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new Invalid("roles", "unknown role '" + role + "'; roles are " + ROLES);
            }
            checked.add(role);
        }
        return List.copyOf(checked);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private String token(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> split(String roles) {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }
}
