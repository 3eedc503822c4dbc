package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.pauta.PautaApplication;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where the key that pseudonymises customer ids comes from: the configuration when it is set, else a secret in the database. */
class CustomerKeysTest {

    static final String KEY = "c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc";

    HikariDataSource data;
    JdbcClient jdbc;

    @BeforeEach
    void database() {
        data = new HikariDataSource();
        data.setJdbcUrl("jdbc:h2:mem:customer-keys;DB_CLOSE_DELAY=-1");
        data.setUsername("sa");
        Flyway.configure().dataSource(data).load().migrate();
        jdbc = JdbcClient.create(data);
    }

    @AfterEach
    void dropDatabase() {
        new JdbcTemplate(data).execute("drop all objects");
        data.close();
    }

    static String hmac(byte[] key, String customerId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
    }

    long storedSecrets() {
        return jdbc.sql("select count(*) from app_secret where secret_name = 'customer-key'").query(Long.class).single();
    }

    @Test
    void aConfiguredKeyIsUsedInsteadOfTheDatabaseSecretAndNoneIsWritten() throws Exception {
        byte[] key = HexFormat.of().parseHex(KEY);

        CustomerKeys fromHex = new CustomerKeys(jdbc, KEY);
        CustomerKeys fromBase64 = new CustomerKeys(jdbc, Base64.getEncoder().encodeToString(key));

        assertThat(fromHex.of("C-1042")).isEqualTo(hmac(key, "C-1042")).isEqualTo(fromBase64.of("C-1042"));
        assertThat(storedSecrets()).isZero();
    }

    @Test
    void withoutAConfiguredKeyASecretIsMadeOnFirstStartAndKept() {
        String first = new CustomerKeys(jdbc, "").of("C-1042");
        String second = new CustomerKeys(jdbc, null).of("C-1042");

        assertThat(storedSecrets()).isEqualTo(1);
        assertThat(second).isEqualTo(first).hasSize(64);
        assertThat(new CustomerKeys(jdbc, KEY).of("C-1042")).isNotEqualTo(first);
    }

    @Test
    void aKeyThatIsNotHexOrBase64OrShorterThan32BytesIsRefusedWithoutRepeatingIt() {
        String short16 = "00112233445566778899aabbccddeeff";
        assertThatThrownBy(() -> new CustomerKeys(jdbc, short16)).hasMessageContaining("16 bytes").hasMessageContaining("at least 32")
                .hasMessageNotContaining(short16);
        assertThatThrownBy(() -> new CustomerKeys(jdbc, "correct horse battery staple, but longer than thirty-two")).hasMessageContaining("neither hex nor base64");
        assertThat(storedSecrets()).isZero();
    }

    @Test
    void aShortKeyInPautaCustomerKeyStopsStartUpWithAClearMessage() {
        String short16 = "00112233445566778899aabbccddeeff";

        Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(PautaApplication.class)
                .run("--PAUTA_CUSTOMER_KEY=" + short16, "--server.port=0", "--spring.profiles.active=test",
                        "--spring.datasource.url=jdbc:h2:mem:customer-key-startup")
                .close());

        Throwable cause = thrown;
        while (cause != null && !(cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).contains("PAUTA_CUSTOMER_KEY"))) {
            cause = cause.getCause();
        }
        assertThat(cause).as("start-up failed on the key").isNotNull();
        assertThat(cause.getMessage()).contains("is 16 bytes").contains("at least 32").doesNotContain(short16);
    }
}
