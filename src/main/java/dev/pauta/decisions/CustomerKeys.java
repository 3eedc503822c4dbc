package dev.pauta.decisions;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyed hashes of customer ids (HMAC-SHA256), so the log and the ledger can name a customer without keeping the id
 * itself. The key comes from the configuration ({@code PAUTA_CUSTOMER_KEY}) when it is set, so a copy of the database
 * alone cannot re-identify customers; otherwise from a secret made on first start and kept in the database. Thread-safe.
 */
final class CustomerKeys {

    static final int MIN_KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(CustomerKeys.class);

    private final byte[] secret;

    /** @param configured the configured key, hex or base64 of at least 32 bytes; null or blank to use the database secret */
    CustomerKeys(JdbcClient jdbc, String configured) {
        if (configured == null || configured.isBlank()) {
            this.secret = storedSecret(jdbc);
            return;
        }
        this.secret = parse(configured.trim());
        if (jdbc.sql("select count(*) from app_secret where secret_name = 'customer-key'").query(Long.class).single() > 0) {
            log.warn("Customer ids are hashed with the configured key; the ledger entries and log records made with the database's "
                    + "'customer-key' secret no longer match their customers. Delete that secret once they no longer matter.");
        }
    }

    private static byte[] storedSecret(JdbcClient jdbc) {
        String stored = jdbc.sql("select secret_value from app_secret where secret_name = 'customer-key'").query(String.class).optional().orElse(null);
        if (stored == null) {
            byte[] fresh = new byte[MIN_KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            stored = HexFormat.of().formatHex(fresh);
            jdbc.sql("insert into app_secret (secret_name, secret_value) values ('customer-key', ?)").param(stored).update();
        }
        return HexFormat.of().parseHex(stored);
    }

    /** Hex when every character is a hex digit, else base64 (standard or URL-safe); the message never repeats the key. */
    static byte[] parse(String key) {
        byte[] bytes;
        if (key.length() % 2 == 0 && key.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            bytes = HexFormat.of().parseHex(key);
        } else {
            try {
                bytes = (key.indexOf('-') >= 0 || key.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(key);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalStateException("pauta.decisions.customer-key (PAUTA_CUSTOMER_KEY) is neither hex nor base64; "
                        + "set it to " + MIN_KEY_BYTES + " or more random bytes, e.g. the output of 'openssl rand -hex 32'");
            }
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("pauta.decisions.customer-key (PAUTA_CUSTOMER_KEY) is " + bytes.length + " bytes; it must be at least "
                    + MIN_KEY_BYTES + " random bytes (64 hex digits or 44 base64 characters), e.g. the output of 'openssl rand -hex 32'");
        }
        return bytes;
    }

    String of(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
