package dev.pauta.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * People (hashed passwords) and systems (API keys, stored as hashes, shown once) with their roles. Keys are
 * checked against the database on every request, so a revoked key, or one whose owner is disabled, is refused on
 * its next call. Who may disable, enable and set passwords is decided here, where the accounts change. Thread-safe.
 * People and keys share one class because every rule about one (a disabled person's keys, a key's owner) reads the other.
 */
public class Accounts {

    public static final Set<String> ROLES = Set.of("AGENT", "EDITOR", "PUBLISHER", "ADMIN");
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{3,120}");

    /** A user, without the password. */
    public record User(String username, List<String> roles, boolean enabled, Instant createdAt) {
    }

    /**
     * An API key's public part; {@code key} is the secret, present only in the answer that creates it. {@code owner}
     * is the person accountable for it (the creator, or the owner of the key that created it): the key works only
     * while that person's account is enabled.
     */
    public record ApiKey(String id, String name, List<String> roles, String createdBy, String owner, Instant createdAt, Instant revokedAt, String key) {
    }

    /** An accepted API key: its id and roles. */
    record KeyGrant(String id, List<String> roles) {
    }

    /** What signing in as a person checks: the password hash, the roles, and the version that ends older sessions. */
    record Credentials(String passwordHash, List<String> roles, int version) {
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

    /** No user has this username. */
    public static class NotFound extends RuntimeException {
        public NotFound(String username) {
            super("there is no user '" + username + "'");
        }
    }

    /** The caller may not do this to that account. */
    public static class NotAllowed extends RuntimeException {
        public NotAllowed(String message) {
            super(message);
        }
    }

    /** The current password given to change a password is not the user's. */
    public static class WrongPassword extends RuntimeException {
        public WrongPassword() {
            super("the current password is not right");
        }
    }

    /** An administrator tried to disable their own account. */
    public static class OwnAccount extends RuntimeException {
        public OwnAccount(String username) {
            super("'" + username + "' cannot disable their own account");
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final RoleHierarchy roles;
    private final SecureRandom random = new SecureRandom();

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, RoleHierarchy roles) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.roles = roles;
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
        checkPassword("password", password);
        List<String> checked = roles(roles);
        try {
            insertUser(username, password, checked);
        } catch (DuplicateKeyException e) {
            throw new Conflict("user '" + username + "' already exists");
        }
        return new User(username, checked, true, clock.instant());
    }

    private static void checkPassword(String field, String password) {
        if (password == null || password.length() < 12 || password.length() > 200) {
            throw new Invalid(field, "a password has 12 to 200 characters");
        }
    }

    /** Stops the user's sign-ins, page sessions and the API keys they own; an administrator cannot stop their own. */
    public User disable(Principal caller, String username) {
        requireAdmin(caller);
        if (caller.getName().equals(username)) {
            throw new OwnAccount(username);
        }
        // the version moves too, so sessions from before stay ended when the account is enabled again
        return changed(username, jdbc.sql("update app_user set enabled = false, credentials_version = credentials_version + 1 where username = ?")
                .param(username).update());
    }

    /** Lets the user sign in again and their keys work again; sessions from before the disable stay ended. */
    public User enable(Principal caller, String username) {
        requireAdmin(caller);
        return changed(username, jdbc.sql("update app_user set enabled = true where username = ?").param(username).update());
    }

    private User changed(String username, int updated) {
        if (updated == 0) {
            throw new NotFound(username);
        }
        return user(username);
    }

    private User user(String username) {
        return jdbc.sql("select username, roles, enabled, created_at from app_user where username = ?").param(username)
                .query((rs, n) -> new User(rs.getString(1), split(rs.getString(2)), rs.getBoolean(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional().orElseThrow(() -> new NotFound(username));
    }

    /**
     * Sets a password and ends every session signed in with the old one. An administrator may set anyone's without
     * the current password; anyone else only their own, with it. A given current password is always checked.
     */
    public void changePassword(Principal caller, String username, String currentPassword, String newPassword) {
        boolean self = caller != null && caller.getName().equals(username);
        boolean admin = isAdmin(caller);
        if (!self && !admin) {
            throw new NotAllowed("only an administrator may set another user's password");
        }
        if (currentPassword == null && !admin) {
            throw new Invalid("currentPassword", "your current password is needed to change it");
        }
        checkPassword("newPassword", newPassword);
        String hash = jdbc.sql("select password_hash from app_user where username = ?").param(username).query(String.class).optional()
                .orElseThrow(() -> new NotFound(username));
        // not throttled: only the user, signed in with this password for this very call, or an administrator who may set it anyway, gets here
        if (currentPassword != null && !passwords.matches(currentPassword, hash)) {
            throw new WrongPassword();
        }
        jdbc.sql("update app_user set password_hash = ?, credentials_version = credentials_version + 1 where username = ?")
                .params(passwords.encode(newPassword), username).update();
    }

    private void requireAdmin(Principal caller) {
        if (!isAdmin(caller)) {
            throw new NotAllowed("only an administrator may disable or enable accounts");
        }
    }

    private boolean isAdmin(Principal caller) {
        return caller instanceof Authentication authentication
                && roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private void insertUser(String username, String password, List<String> roles) {
        jdbc.sql("insert into app_user (username, password_hash, roles, enabled, created_at) values (?, ?, ?, true, ?)")
                .params(username, passwords.encode(password), String.join(",", roles), now()).update();
    }

    /** What signing in as an enabled user checks; a disabled user is not found, so answers do not tell the two apart. */
    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select password_hash, roles, credentials_version from app_user where username = ? and enabled = true").param(username)
                .query((rs, n) -> new Credentials(rs.getString(1), split(rs.getString(2)), rs.getInt(3))).optional();
    }

    /** Whether a session signed in with this credentials version may go on: the account is enabled and its password unchanged. */
    boolean current(String username, int version) {
        return jdbc.sql("select count(*) from app_user where username = ? and enabled = true and credentials_version = ?").params(username, version)
                .query(Long.class).single() > 0;
    }

    public ApiKey createKey(String name, List<String> roles, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new Invalid("name", "an API key needs a name of 1 to 120 characters");
        }
        List<String> checked = roles(roles);
        String id = "key_" + token(9).replace("-", "").replace("_", "");
        String secret = token(32);
        Instant now = clock.instant();
        // a key created with a key belongs to that key's owner, so disabling one person stops every key they started
        String owner = jdbc.sql("select owner from api_key where ? = 'api-key:' || id").param(createdBy).query(String.class).optional().orElse(createdBy);
        jdbc.sql("insert into api_key (id, name, key_hash, roles, created_by, owner, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, name.trim(), sha256(secret), String.join(",", checked), createdBy, owner, now.atOffset(ZoneOffset.UTC)).update();
        return new ApiKey(id, name.trim(), checked, createdBy, owner, now, null, id + "." + secret);
    }

    public List<ApiKey> keys() {
        return jdbc.sql("select * from api_key order by created_at desc").query((rs, n) -> new ApiKey(rs.getString("id"), rs.getString("name"),
                split(rs.getString("roles")), rs.getString("created_by"), rs.getString("owner"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("revoked_at", OffsetDateTime.class) == null ? null : rs.getObject("revoked_at", OffsetDateTime.class).toInstant(), null)).list();
    }

    public void revokeKey(String id) {
        int updated = jdbc.sql("update api_key set revoked_at = ? where id = ? and revoked_at is null").params(now(), id).update();
        if (updated == 0) {
            throw new Conflict("no active API key '" + id + "'");
        }
    }

    /** The key's id and roles when the presented key is known, not revoked, and its owner's account is enabled. */
    Optional<KeyGrant> authenticateKey(String presented) {
        int dot = presented.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = presented.substring(0, dot);
        String hash = sha256(presented.substring(dot + 1));
        return jdbc.sql("select k.key_hash, k.roles from api_key k join app_user u on u.username = k.owner "
                        + "where k.id = ? and k.revoked_at is null and u.enabled = true").param(id)
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
        return DigestUtils.sha256Hex(text);
    }

    static List<String> split(String roles) {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }
}
