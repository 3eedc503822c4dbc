package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Http;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Release;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a policy owner (or someone holding an owner's account) can send that must be refused cleanly, never a 500. */
@ApiTest
class HostileDocumentsTest {

    static final String VALUES_EN = "manual/en/values.md";

    @LocalServerPort
    int port;

    @Autowired
    SnapshotCompiler compiler;

    Http http;
    ChangeClient changes;

    @BeforeEach
    void connect() {
        http = Http.admin(port);
        changes = new ChangeClient(http);
    }




    /** Validates a change holding one document; the reply must be a clean 200 with problems, never a 500. */
    JsonNode validateWith(String path, String content) {
        long change = changes.newChange("hostile " + path);
        long base = path.startsWith("manual/") ? changes.current(path).get("revision").asLong() : 0;
        assertThat(changes.put(change, path, content, base).status()).isEqualTo(200);
        Http.Reply validated = http.post("/api/v1/changes/" + change + "/validate", "{}");
        assertThat(validated.status()).isEqualTo(200);
        assertThat(validated.body().get("ok").asBoolean()).isFalse();
        Http.Reply published = http.post("/api/v1/changes/" + change + "/publish", Map.of("message", "should not publish"));
        assertThat(published.status()).isEqualTo(422);
        assertThat(published.body().get("code").asString()).isEqualTo("invalid_bundle");
        return validated.body().get("errors");
    }

    @Test
    void threeThousandNestedQuotesAreRefusedAtValidationWithPathAndLine() {
        String content = changes.current(VALUES_EN).get("content").asString() + "\n" + ">".repeat(3_000) + " deep\n";
        int lastLine = (int) content.lines().count();

        JsonNode errors = validateWith(VALUES_EN, content);

        assertThat(errors).anySatisfy(error -> {
            assertThat(error.get("path").asString()).isEqualTo(VALUES_EN);
            assertThat(error.get("line").asInt()).isEqualTo(lastLine);
            assertThat(error.get("message").asString()).contains("more than 50 levels");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // A billion laughs: each alias doubles the last.
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                    + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                    + "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\ni: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n",
            "DEEP",
            "- name: wrong types\n  given: {locale: [es], channel: PHONE, intent: ORDER_DELAYED, interaction: {sentiment: very}}\n  expect: [DELAY_APOLOGY]\n",
            "- name: a map for an order\n  given: {locale: es, channel: PHONE, intent: ORDER_DELAYED, order: {delayDays: {a: b}, value: lots}}\n  expect: [DELAY_APOLOGY]\n",
            "- name: not a list\n  given: {locale: es, channel: PHONE, intent: ORDER_DELAYED}\n  expect: 42\n",
            "- just a string\n",
            "key: [unclosed\n",
    })
    void malformedScenarioFilesAreValidationErrorsWithPathAndLine(String yaml) {
        String content = yaml.equals("DEEP") ? "[".repeat(1_000) + "]".repeat(1_000) : yaml;

        JsonNode errors = validateWith("rules/tests/hostile.yaml", content);

        assertThat(errors).anySatisfy(error -> {
            assertThat(error.get("path").asString()).isEqualTo("rules/tests/hostile.yaml");
            assertThat(error.get("line").asInt()).isPositive();
            assertThat(error.get("hint").asString()).isNotBlank();
        });
        assertThat(errors.toString()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("org.yaml");
    }

    @Test
    void aPathLongerThanTheStoreKeepsIsRefusedNamingTheField() {
        long change = changes.newChange("long path");
        String path = "manual/en/" + "a".repeat(400) + ".md";

        Http.Reply reply = changes.put(change, path, "---\n", 0);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("code").asString()).isEqualTo("invalid_request");
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo("path");
        assertThat(reply.body().get("detail").asString()).contains("300");
    }

    @Test
    void importAppliesTheSamePerDocumentLimitAsAnEdit() throws IOException {
        long change = changes.newChange("oversized import");
        String oversized = changes.current(VALUES_EN).get("content").asString() + "\n" + "word ".repeat(DraftEdits.MAX_DOCUMENT_CHARS / 5 + 1);
        assertThat(changes.put(change, VALUES_EN, oversized, changes.current(VALUES_EN).get("revision").asLong()).status()).isEqualTo(400);

        Http.Reply imported = http.postBytes("/api/v1/changes/" + change + "/import", "application/zip", zip(Map.of(VALUES_EN, oversized)));

        assertThat(imported.status()).isEqualTo(400);
        assertThat(imported.body().get("detail").asString()).contains(VALUES_EN).contains(String.valueOf(DraftEdits.MAX_DOCUMENT_CHARS));
        assertThat(http.get("/api/v1/changes/" + change).body().get("documents")).isEmpty();
    }

    @Test
    void snippetsAreEscapedWithAndWithoutHighlights() {
        long change = changes.newChange("markup in the text");
        JsonNode values = changes.current(VALUES_EN);
        String marked = values.get("content").asString().replaceFirst("(?m)^(# .*)$", "$1\n\nZebracorn `<img src=x onerror=alert(1)>` and <b>bold</b> zebracorn.\n");
        assertThat(changes.put(change, VALUES_EN, marked, values.get("revision").asLong()).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/changes/" + change + "/publish", Map.of("message", "markup in the text")).status()).isEqualTo(200);

        Http.Reply highlighted = http.get("/api/v1/search?locale=en&q=zebracorn");
        Http.Reply lead = http.get("/api/v1/search?locale=en&kind=foundation");

        for (Http.Reply reply : new Http.Reply[] {highlighted, lead}) {
            assertThat(reply.status()).isEqualTo(200);
            JsonNode hit = null;
            for (JsonNode candidate : reply.body().get("hits")) {
                if (candidate.get("id").asString().equals("values")) {
                    hit = candidate;
                }
            }
            assertThat(hit).as("the values section in %s", reply.body()).isNotNull();
            String snippet = hit.get("snippet").asString();
            assertThat(snippet).contains("&lt;img").doesNotContain("<img").doesNotContain("<b>");
        }
        assertThat(http.get("/api/v1/sections/values?locale=en").body().get("html").asString()).contains("&lt;img").doesNotContain("<img");
    }

    @Test
    void everyPublishedReleaseCompilesAgainAsAtStartUp() {
        long change = changes.newChange("one more release");
        JsonNode values = changes.current(VALUES_EN);
        assertThat(changes.put(change, VALUES_EN, values.get("content").asString() + "\n> > > a quote three levels deep\n", values.get("revision").asLong()).status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/changes/" + change + "/publish", Map.of("message", "nested quote")).status()).isEqualTo(200);

        JsonNode releases = http.get("/api/v1/releases").body();
        assertThat(releases.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode release : releases) {
            int number = release.get("number").asInt();
            Http.Reply exported = http.get("/api/v1/releases/" + number + "/export");
            assertThat(exported.status()).isEqualTo(200);
            Bundle bundle = BundleArchive.read(exported.bytes());

            assertThat(compiler.compile(bundle, new Release(number, bundle.hash(), null, null, null)).release().number()).isEqualTo(number);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"locale\":\"es\",\"channel\":\"PHONE\",\"intent\":\"ORDER_DELAYED\",\"order\":{\"delayDays\":\"many\"}}",
            "{\"locale\":\"es\",\"channel\":\"PHONE\",\"intent\":\"ORDER_DELAYED\",\"customer\":{\"specialNeeds\":{\"a\":1}}}",
            "{\"locale\":\"es\",\"channel\":[1],\"intent\":\"ORDER_DELAYED\"}",
            "{\"locale\":",
            "[1, 2, 3]",
    })
    void malformedBodiesNameTheFieldNeverAJavaType(String body) {
        Http.Reply reply = http.post("/api/v1/guidance", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        String text = new String(reply.bytes(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("java.").doesNotContain("dev.pauta").doesNotContain("`").doesNotContain("Exception");
    }

    private static byte[] zip(Map<String, String> documents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> document : documents.entrySet()) {
                zip.putNextEntry(new ZipEntry(document.getKey()));
                zip.write(document.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
