package dev.pauta.decisions;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyed hashes of customer ids (HMAC-SHA256 with a secret made on first start and kept in the database), so the
 * log and the ledger can name a customer without keeping the id itself. Thread-safe.
 */
final class CustomerKeys {

    private final byte[] secret;

    CustomerKeys(JdbcClient jdbc) {
        String stored = jdbc.sql("select secret_value from app_secret where secret_name = 'customer-key'").query(String.class).optional().orElse(null);
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            stored = HexFormat.of().formatHex(fresh);
            jdbc.sql("insert into app_secret (secret_name, secret_value) values ('customer-key', ?)").param(stored).update();
        }
        this.secret = HexFormat.of().parseHex(stored);
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
