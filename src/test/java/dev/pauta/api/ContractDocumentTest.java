package dev.pauta.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The committed document (the input of the generated client and of Spectral) is the served one. Refresh it with
 * {@code mvn -o -q test -Dtest=ContractDocumentTest -Dpauta.openapi.refresh=true} and commit the file.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:contract-document;DB_CLOSE_DELAY=-1")
class ContractDocumentTest {

    static final Path COMMITTED = Path.of("src/main/resources/openapi/pauta-v1.json");

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        Http.Reply served = new Http(port).get("/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        String text = new String(served.bytes(), StandardCharsets.UTF_8).strip() + "\n";
        if (Boolean.getBoolean("pauta.openapi.refresh")) {
            Files.writeString(COMMITTED, text);
        }

        JsonNode committed = Http.JSON.readTree(Files.readString(COMMITTED));
        assertThat(committed)
                .as("%s differs from GET /v3/api-docs; refresh it with mvn -o -q test -Dtest=ContractDocumentTest -Dpauta.openapi.refresh=true, "
                        + "review the diff and commit it", COMMITTED)
                .isEqualTo(served.body());
    }
}
