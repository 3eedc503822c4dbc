package dev.pauta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar `mvn package` builds, started as the README starts the service: on its own runtime classpath, which the other
 * tests never see (a library kept only on the test classpath passes them all and still stops the service).
 */
class PackagedServiceIT {

    @TempDir
    Path data;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void thePackagedServiceStartsOnTheShippedBundleAndDecidesWithoutASession() throws Exception {
        Path jar = Path.of("target", "pauta.jar");
        assertThat(jar).exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--server.port=" + port, "--pauta.data-dir=" + data, "--pauta.bundle-dir=" + TestBundles.shipped(), "--spring.main.banner-mode=off")
                .redirectErrorStream(true);
        builder.environment().put("PAUTA_ADMIN_PASSWORD", "packaged-admin-password");
        Process service = builder.start();
        try (BufferedReader log = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = log.readLine()) != null && !line.contains("Started PautaApplication")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the service ended before it started:%n%s", seen).isNotNull();

            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/guidance"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", Http.basic("admin", "packaged-admin-password"))
                    .POST(HttpRequest.BodyPublishers.ofString(Files.readString(Path.of("src/test/resources/packaged/late-order.json")))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"decisionId\"").contains("\"DELAY_COUPON\"");
            assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }
}
