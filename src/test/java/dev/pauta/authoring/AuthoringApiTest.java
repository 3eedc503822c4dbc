package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ApiTest;
import dev.pauta.Fixture;
import dev.pauta.Http;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class AuthoringApiTest {

    static final String COUPON_ES = "manual/es/delay-compensation.md";
    static final String LATE_GOLD_ORDER = """
            {"locale":"es","channel":"CHAT","intent":"ORDER_DELAYED","customer":{"tier":"GOLD"},"order":{"delayDays":6}}""";

    @LocalServerPort
    int port;

    Http http;
    ChangeClient changes;

    @BeforeEach
    void connect() {
        http = Http.admin(port);
        changes = new ChangeClient(http);
    }

    int currentRelease() {
        for (JsonNode release : http.get("/api/v1/releases").body()) {
            if (release.get("current").asBoolean()) {
                return release.get("number").asInt();
            }
        }
        throw new AssertionError("no current release");
    }

    JsonNode coupon() {
        Http.Reply reply = http.post("/api/v1/guidance", LATE_GOLD_ORDER);
        for (JsonNode action : reply.body().get("actions")) {
            if (action.get("code").asString().equals("DELAY_COUPON")) {
                return ((tools.jackson.databind.node.ObjectNode) reply.body()).put("couponText", action.get("text").asString());
            }
        }
        throw new AssertionError("no coupon in " + reply.body());
    }

    /** The document with the words of one script replaced, whatever the words are before. */
    static String withScript(String content, String code, String words) {
        String row = content.lines().filter(line -> line.startsWith("| " + code + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no script row for " + code));
        String[] cells = row.split("\\|", -1);
        cells[2] = " " + words + " ";
        return content.replace(row, String.join("|", cells));
    }

    @Test
    void anEditThatIsValidatedAndPublishedIsWhatTheNextGuidanceSaysAndARollbackRestoresIt() {
        JsonNode document = changes.current(COUPON_ES);
        String before = coupon().get("couponText").asString();
        String edited = withScript(document.get("content").asString(), "DELAY_COUPON", "Como disculpa, aquí tiene un vale del {percent} % de descuento.");
        assertThat(edited).isNotEqualTo(document.get("content").asString());
        long change = changes.newChange("Vale en lugar de cupón");

        Http.Reply saved = changes.put(change, COUPON_ES, edited, document.get("revision").asLong());
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("revision").asLong()).isGreaterThan(document.get("revision").asLong());

        Http.Reply validation = http.post("/api/v1/changes/" + change + "/validate", "");
        assertThat(validation.body().get("ok").asBoolean()).as(validation.body().toString()).isTrue();
        assertThat(validation.body().get("scenarios").get("failed").asInt()).isZero();

        int previous = currentRelease();
        Http.Reply published = http.post("/api/v1/changes/" + change + "/publish", Map.of("message", "Más claro para el cliente"));
        assertThat(published.status()).isEqualTo(200);
        int release = published.body().get("release").asInt();
        assertThat(release).isEqualTo(previous + 1);

        JsonNode after = coupon();
        assertThat(after.get("release").asInt()).isEqualTo(release);
        assertThat(after.get("couponText").asString()).contains("vale del " + Fixture.GOLD_COUPON + " % de descuento");
        assertThat(http.get("/api/v1/changes/" + change).body().get("status").asString()).isEqualTo("PUBLISHED");

        Http.Reply rolledBack = http.post("/api/v1/releases/" + previous + "/rollback", "");
        assertThat(rolledBack.status()).isEqualTo(200);
        int rollback = rolledBack.body().get("release").asInt();
        assertThat(rollback).isEqualTo(release + 1);
        JsonNode restored = coupon();
        assertThat(restored.get("release").asInt()).isEqualTo(rollback);
        assertThat(restored.get("couponText").asString()).isEqualTo(before);

        Http.Reply history = http.get("/api/v1/documents/history?path=" + COUPON_ES);
        assertThat(history.body().get(0).get("author").asString()).isNotBlank();
        assertThat(history.body().findValuesAsString("message")).anyMatch(m -> m.contains("Vale en lugar de cupón"));
    }

    @Test
    void requestsInFlightDuringAPublishAllSucceedOnTheOldReleaseOrTheNew() {
        int before = currentRelease();
        JsonNode document = changes.current("manual/es/faq.md");
        long change = changes.newChange("Publish under load");
        changes.put(change, "manual/es/faq.md", document.get("content").asString() + "\nUna respuesta más.\n", document.get("revision").asLong());
        java.util.concurrent.atomic.AtomicBoolean publishing = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<CompletableFuture<List<Integer>>> agents = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            agents.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> releases = new ArrayList<>();
                for (int i = 0; i < 2_000 && (publishing.get() || i < 20); i++) {
                    Http.Reply reply = http.post("/api/v1/guidance", LATE_GOLD_ORDER);
                    releases.add(reply.status() == 200 ? reply.body().get("release").asInt() : -reply.status());
                }
                return releases;
            }));
        }

        Http.Reply published = http.post("/api/v1/changes/" + change + "/publish", "{}");
        publishing.set(false);
        List<Integer> seen = agents.stream().flatMap(f -> f.join().stream()).toList();

        assertThat(published.status()).isEqualTo(200);
        int after = published.body().get("release").asInt();
        assertThat(seen).isNotEmpty().allSatisfy(release -> assertThat(release).isIn(before, after));
        assertThat(http.post("/api/v1/guidance", LATE_GOLD_ORDER).body().get("release").asInt()).isEqualTo(after);
    }

    @Test
    void twoConcurrentEditsOfOneDocumentGiveExactlyOneConflict() throws Exception {
        JsonNode document = changes.current("manual/en/faq.md");
        long change = changes.newChange("Concurrent FAQ edits");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Http.Reply>> edits = new ArrayList<>();
        for (String who : List.of("Ana", "Ben")) {
            edits.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return changes.put(change, "manual/en/faq.md", document.get("content").asString() + "\nEdited by " + who + ".\n", document.get("revision").asLong());
            }));
        }
        start.countDown();
        List<Http.Reply> replies = edits.stream().map(CompletableFuture::join).toList();

        assertThat(replies).extracting(Http.Reply::status).containsExactlyInAnyOrder(200, 409);
        Http.Reply conflict = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        Http.Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertThat(conflict.body().get("code").asString()).isEqualTo("stale_revision");
        assertThat(conflict.body().get("current").get("content").asString()).isEqualTo(winner.body().get("content").asString());
        assertThat(conflict.body().get("current").get("revision").asLong()).isEqualTo(winner.body().get("revision").asLong());
    }

    @Test
    void publishingOverAReleaseThatTouchedTheSameDocumentIsAConflictNamingThePaths() {
        JsonNode document = changes.current("manual/en/values.md");
        long first = changes.newChange("First values edit");
        long second = changes.newChange("Second values edit");
        assertThat(changes.put(first, "manual/en/values.md", document.get("content").asString() + "\nOne.\n", document.get("revision").asLong()).status()).isEqualTo(200);
        assertThat(changes.put(second, "manual/en/values.md", document.get("content").asString() + "\nTwo.\n", document.get("revision").asLong()).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/changes/" + first + "/publish", "{}").status()).isEqualTo(200);

        Http.Reply conflict = http.post("/api/v1/changes/" + second + "/publish", "{}");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().get("code").asString()).isEqualTo("release_conflict");
        assertThat(conflict.body().get("paths").toString()).contains("manual/en/values.md");
    }

    @ParameterizedTest
    @ValueSource(strings = {"System.exit(1);", "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));",
            "Outcome.class.getDeclaredMethods()[0].setAccessible(true);", "LOOP"})
    void unsafeOrLoopingRulesFailValidationAndTheCurrentReleaseKeepsServing(String body) {
        int before = currentRelease();
        String drl = body.equals("LOOP") ? """
                package pauta.evil;
                import dev.pauta.rules.facts.*;
                global dev.pauta.rules.facts.Outcome outcome;
                rule "Never settles"
                    @section("values")
                when
                    $c : Contact(intent == "FEEDBACK")
                then
                    update($c);
                end
                """ : """
                package pauta.evil;
                import dev.pauta.rules.facts.*;
                global dev.pauta.rules.facts.Outcome outcome;
                rule "Reaches out"
                    @section("values")
                when
                    Contact()
                then
                    %s
                end
                """.formatted(body);
        long change = changes.newChange("Attempt: " + body);
        assertThat(changes.put(change, "rules/evil.drl", drl, 0).status()).isEqualTo(200);

        Http.Reply validation = http.post("/api/v1/changes/" + change + "/validate", "");
        assertThat(validation.body().get("ok").asBoolean()).isFalse();
        JsonNode error = validation.body().get("errors").get(0);
        assertThat(error.get("path").asString()).isEqualTo("rules/evil.drl");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("hint").asString()).isNotBlank();

        Http.Reply refused = http.post("/api/v1/changes/" + change + "/publish", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asString()).isEqualTo("invalid_bundle");
        assertThat(currentRelease()).isEqualTo(before);
        assertThat(http.post("/api/v1/guidance", LATE_GOLD_ORDER).body().get("release").asInt()).isEqualTo(before);
    }

    @Test
    void aDiffBetweenReleasesShowsTheChangedLines() {
        int before = currentRelease();
        JsonNode document = changes.current("manual/en/references.md");
        long change = changes.newChange("Add a reference");
        changes.put(change, "manual/en/references.md", document.get("content").asString() + "\n- A new internal guide.\n", document.get("revision").asLong());
        int after = http.post("/api/v1/changes/" + change + "/publish", "{}").body().get("release").asInt();

        Http.Reply diff = http.get("/api/v1/releases/" + before + "/diff/" + after);

        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.body().size()).isEqualTo(1);
        assertThat(diff.body().get(0).get("path").asString()).isEqualTo("manual/en/references.md");
        assertThat(diff.body().get(0).get("status").asString()).isEqualTo("MODIFIED");
        assertThat(diff.body().get(0).get("diff").asString()).contains("+- A new internal guide.");
    }

    @Test
    void anExportedReleaseImportsBackIntoAChangeAndOnlyItsEditsCount() throws Exception {
        int release = currentRelease();
        Http.Reply export = http.get("/api/v1/releases/" + release + "/export");
        assertThat(export.status()).isEqualTo(200);
        Map<String, String> files = unzip(export.bytes());
        assertThat(files).containsKeys("manual/es/delay-compensation.md", "rules/compensation.drl");

        long unchanged = changes.newChange("Round trip");
        JsonNode same = http.postBytes("/api/v1/changes/" + unchanged + "/import", "application/zip", export.bytes()).body();
        assertThat(same.get("added").asInt() + same.get("modified").asInt() + same.get("deleted").asInt()).isZero();
        assertThat(same.get("unchanged").asInt()).isEqualTo(files.size());

        files.put("manual/en/faq.md", files.get("manual/en/faq.md") + "\nOne more answer.\n");
        files.remove("manual/en/references.md");
        long edited = changes.newChange("Edited in git");
        JsonNode report = http.postBytes("/api/v1/changes/" + edited + "/import", "application/zip", zip(files)).body();
        assertThat(report.get("modified").asInt()).isEqualTo(1);
        assertThat(report.get("deleted").asInt()).isEqualTo(1);
        Http.Reply validation = http.post("/api/v1/changes/" + edited + "/validate", "");
        assertThat(validation.body().get("ok").asBoolean()).isFalse();
        assertThat(validation.body().get("errors").toString()).contains("references");
    }

    @Test
    void aZipThatIsNotAZipIsAClearProblem() {
        long change = changes.newChange("Bad upload");
        Http.Reply reply = http.postBytes("/api/v1/changes/" + change + "/import", "application/zip", "not a zip".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("code").asString()).isEqualTo("invalid_request");
    }

    @Test
    void aPathOutsideTheBundleLayoutIsRefused() {
        long change = changes.newChange("Bad path");
        Http.Reply reply = changes.put(change, "../etc/passwd", "x", 0);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo("path");
    }

    @Test
    void anUnknownChangeIsA404() {
        assertThat(http.get("/api/v1/changes/999999").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/releases/999999").body().get("code").asString()).isEqualTo("not_found");
    }

    static Map<String, String> unzip(byte[] bytes) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("pauta-main/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
