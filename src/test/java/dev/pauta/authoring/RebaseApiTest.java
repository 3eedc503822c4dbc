package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A change whose base fell behind the current release moves onto it when none of its documents changed in between, and only then. */
@ApiTest
class RebaseApiTest {

    @LocalServerPort
    int port;

    Http http;
    ChangeClient changes;

    @BeforeEach
    void connect() {
        http = Http.admin(port);
        changes = new ChangeClient(http);
    }

    /** Publishes a change that appends a line to the document, and returns the release it made. */
    int publishedEdit(String path, String line) {
        JsonNode document = changes.current(path);
        long change = changes.newChange("Meanwhile: " + line);
        assertThat(changes.put(change, path, document.get("content").asString() + "\n" + line + "\n", document.get("revision").asLong()).status()).isEqualTo(200);
        Http.Reply published = changes.publish(change, line);
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        return published.body().get("release").asInt();
    }

    @Test
    void aChangeBehindTheCurrentReleaseMovesOntoItWhenNoneOfItsDocumentsChangedSince() {
        JsonNode faq = changes.current("manual/es/faq.md");
        long change = changes.newChange("Behind the times");
        int base = changes.change(change).get("baseRelease").asInt();
        assertThat(changes.put(change, "manual/es/faq.md", faq.get("content").asString() + "\nUna pregunta más.\n", faq.get("revision").asLong()).status())
                .isEqualTo(200);
        int current = publishedEdit("manual/es/values.md", "Un valor más.");
        JsonNode values = changes.current("manual/es/values.md");
        Http.Reply fromTheOldBase = changes.put(change, "manual/es/values.md", values.get("content").asString() + "\nY otro.\n", values.get("revision").asLong());
        assertThat(fromTheOldBase.status()).isEqualTo(409);
        assertThat(fromTheOldBase.body().get("code").asString()).isEqualTo("stale_revision");

        Http.Reply rebased = changes.rebase(change);

        assertThat(rebased.status()).as(rebased.body().toString()).isEqualTo(200);
        assertThat(rebased.body().get("baseRelease").asInt()).isEqualTo(current).isGreaterThan(base);
        assertThat(rebased.body().get("documents").findValuesAsString("path")).containsExactly("manual/es/faq.md");
        assertThat(changes.put(change, "manual/es/values.md", values.get("content").asString() + "\nY otro.\n", values.get("revision").asLong()).status())
                .isEqualTo(200);
        Http.Reply published = changes.publish(change, "After the rebase");
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        String released = http.get("/api/v1/documents?path=manual/es/values.md").body().get("content").asString();
        assertThat(released).contains("Un valor más.", "Y otro.");
    }

    @Test
    void aRebaseOverAReleaseThatChangedTheSameDocumentIsRefusedNamingItAndSoIsThePublish() {
        JsonNode references = changes.current("manual/en/references.md");
        long change = changes.newChange("Loses the race");
        int base = changes.change(change).get("baseRelease").asInt();
        assertThat(changes.put(change, "manual/en/references.md", references.get("content").asString() + "\n- Mine.\n", references.get("revision").asLong())
                .status()).isEqualTo(200);
        int current = publishedEdit("manual/en/references.md", "- Theirs.");

        Http.Reply rebase = changes.rebase(change);
        Http.Reply publish = changes.publish(change, "Mine");

        for (Http.Reply refused : new Http.Reply[] {rebase, publish}) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().get("code").asString()).isEqualTo("release_conflict");
            assertThat(refused.body().get("paths").get(0).asString()).isEqualTo("manual/en/references.md");
            assertThat(refused.body().get("baseRelease").asInt()).isEqualTo(base);
            assertThat(refused.body().get("currentRelease").asInt()).isEqualTo(current);
            assertThat(refused.body().get("hint").asString()).contains("new change");
        }
        assertThat(changes.change(change).get("baseRelease").asInt()).isEqualTo(base);
        assertThat(changes.change(change).get("status").asString()).isEqualTo("OPEN");
    }
}
