package dev.pauta.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import dev.pauta.TestBundles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Kills the service with SIGKILL at a point inside a publish and starts it again on the same database:
 * the current release is the old one or the new one, complete (start-up checks every document against
 * the release hash), never a mix.
 */
class CrashDuringPublishTest {

    @TempDir
    Path data;

    /** A service in its own JVM, so it can be killed like a real process. */
    private final class Service implements AutoCloseable {
        final Process process;
        final BufferedReader log;
        final int port;

        Service() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.pauta.PautaApplication",
                    "--server.port=" + port, "--pauta.data-dir=" + data,
                    "--pauta.bundle-dir=" + TestBundles.fixture(), "--spring.main.banner-mode=off",
                    "--PAUTA_ADMIN_PASSWORD=" + Http.ADMIN_PASSWORD, "--pauta.security.bcrypt-strength=4",
                    // the admin publishes its own change here: what is tested is the crash, not the review
                    "--pauta.authoring.four-eyes=false")
                    .redirectErrorStream(true).start();
            log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            awaitLine("Started PautaApplication");
        }

        /** Reads the service's log until a line holds the text; the log is the service telling us where it is. */
        String awaitLine(String text) throws IOException {
            String line;
            while ((line = log.readLine()) != null) {
                if (line.contains(text)) {
                    return line;
                }
            }
            throw new AssertionError("the service ended before logging '" + text + "'");
        }

        Http http() {
            return Http.admin(port);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    @ParameterizedTest(name = "killed on \"{0}\"")
    @ValueSource(strings = {"Writing release", "Release 2 is live", "Validating"})
    void aPublishKilledMidwayLeavesTheOldOrTheNewReleaseWhole(String killPoint) throws Exception {
        String marker;
        try (Service service = new Service()) {
            Http http = service.http();
            JsonNode faq = http.get("/api/v1/documents?path=manual/en/faq.md").body();
            long change = http.post("/api/v1/changes", Map.of("title", "Interrupted")).body().get("id").asLong();
            marker = "Interrupted publish " + change + ".";
            http.put("/api/v1/changes/" + change + "/documents?path=manual/en/faq.md",
                    Map.of("content", faq.get("content").asString() + "\n" + marker + "\n", "baseRevision", faq.get("revision").asLong()));
            CompletableFuture<Http.Reply> publish = CompletableFuture.supplyAsync(() -> http.post("/api/v1/changes/" + change + "/publish", "{}"));
            service.awaitLine(killPoint.equals("Validating") ? "Validating change" : killPoint);
            service.kill();
            publish.handle((reply, error) -> null).join();
        }

        try (Service restarted = new Service()) {
            Http http = restarted.http();
            JsonNode releases = http.get("/api/v1/releases").body();
            int current = releases.get(0).get("number").asInt();
            assertThat(current).isIn(1, 2);
            String faq = http.get("/api/v1/documents?path=manual/en/faq.md").body().get("content").asString();
            assertThat(faq.contains(marker)).isEqualTo(current == 2);
            assertThat(http.post("/api/v1/guidance", "{\"locale\":\"en\",\"channel\":\"CHAT\",\"intent\":\"OTHER\"}").body().get("release").asInt())
                    .isEqualTo(current);
            if (List.of("Release 2 is live").contains(killPoint)) {
                assertThat(current).isEqualTo(2);
            }
            if (killPoint.equals("Validating")) {
                assertThat(current).isEqualTo(1);
            }
        }
    }
}
