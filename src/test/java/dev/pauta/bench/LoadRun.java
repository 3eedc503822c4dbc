package dev.pauta.bench;

import dev.pauta.Http;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load run over real HTTP against the service in its own JVM on this machine (loopback only): N guidance
 * requests with logging on, then with logging off. Prints throughput and latency for both and checks that the
 * number of logged decisions equals the number of successful responses. Exit 1 when it does not.
 *
 * <p>{@code mvn -Pbench test-compile exec:exec -Dbench.main=dev.pauta.bench.LoadRun -Dbench=50000}
 */
public final class LoadRun {

    static final int CONCURRENCY = 32;
    static final String[] INTENTS = {"ORDER_DELAYED", "COMPLAINT", "REFUND", "WRONG_DEPARTMENT", "CANCELLATION", "LONG_WAIT", "PRODUCT_QUESTION",
            "BILLING", "FEEDBACK", "OTHER"};
    static final String[] CHANNELS = {"PHONE", "EMAIL", "CHAT", "SOCIAL", "STORE", "WEB"};
    static final String[] TIERS = {"STANDARD", "GOLD", "VIP"};

    record Result(boolean logging, int requests, int ok, int refused, int failed, double seconds, long[] latenciesMicros, long logged) {
        double throughput() {
            return ok / seconds;
        }

        long percentile(double p) {
            return latenciesMicros.length == 0 ? 0 : latenciesMicros[Math.min(latenciesMicros.length - 1, (int) (p * latenciesMicros.length))];
        }
    }

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 50_000;
        Result on = run(true, requests);
        Result off = run(false, requests);
        System.out.println();
        System.out.println("Load run: " + requests + " guidance requests per mode, " + CONCURRENCY + " concurrent clients, loopback HTTP");
        for (Result r : List.of(on, off)) {
            System.out.printf("  logging %-3s: %6d ok, %d refused (503), %d failed, %.1f s, %.0f decisions/s, p50 %d us, p99 %d us, logged %d%n",
                    r.logging() ? "on" : "off", r.ok(), r.refused(), r.failed(), r.seconds(), r.throughput(), r.percentile(0.50), r.percentile(0.99),
                    r.logged());
        }
        System.out.printf("  logging costs %.1f %% of throughput%n", 100.0 * (1 - on.throughput() / off.throughput()));
        boolean equal = on.logged() == on.ok();
        System.out.println("  logged decisions == successful responses (logging on): " + equal + " (" + on.logged() + " == " + on.ok() + ")");
        if (!equal || on.failed() > 0) {
            System.exit(1);
        }
    }

    static Result run(boolean logging, int requests) throws Exception {
        Path data = Files.createTempDirectory("pauta-load");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"), "dev.pauta.PautaApplication",
                "--server.port=" + port, "--pauta.data-dir=" + data, "--pauta.bundle-dir=" + System.getProperty("pauta.bundle-dir", "."),
                "--PAUTA_ADMIN_PASSWORD=" + Http.ADMIN_PASSWORD, "--pauta.decisions.logging=" + logging, "--logging.level.root=WARN",
                "--logging.level.dev.pauta=WARN", "--logging.level.dev.pauta.PautaApplication=INFO", "--spring.main.banner-mode=off", "--server.tomcat.threads.max=64")
                .redirectErrorStream(true).start();
        try {
            awaitStart(server);
            Http admin = new Http(port).as(Http.basic("admin", Http.ADMIN_PASSWORD));
            String key = admin.post("/api/v1/api-keys", Map.of("name", "load-run", "roles", List.of("AGENT"))).body().get("key").asString();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create("http://localhost:" + port + "/api/v1/guidance");
            for (int i = 0; i < 2_000; i++) {
                send(client, uri, key, i);
            }
            AtomicInteger next = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long[] latencies = new long[requests];
            AtomicLong filled = new AtomicLong();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
            for (int t = 0; t < CONCURRENCY; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        int status = send(client, uri, key, i);
                        latencies[i] = (System.nanoTime() - t0) / 1_000;
                        filled.incrementAndGet();
                        if (status == 200) {
                            ok.incrementAndGet();
                        } else if (status == 503) {
                            refused.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the load run did not finish in 30 minutes");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] sorted = Arrays.copyOf(latencies, (int) filled.get());
            Arrays.sort(sorted);
            long logged = logging ? admin.get("/api/v1/decisions?size=1").body().get("total").asLong() - 2_000 : 0;
            return new Result(logging, requests, ok.get(), refused.get(), failed.get(), seconds, sorted, logged);
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
            try (var files = Files.walk(data)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A varied situation per request: every intent and channel, three tiers, some late orders and long waits. */
    static int send(HttpClient client, URI uri, String key, int i) {
        String body = "{\"locale\":\"" + (i % 2 == 0 ? "es" : "en") + "\",\"channel\":\"" + CHANNELS[i % CHANNELS.length] + "\",\"intent\":\""
                + INTENTS[(i / 7) % INTENTS.length] + "\",\"customer\":{\"id\":\"C-" + (i % 5_000) + "\",\"tier\":\"" + TIERS[i % 3] + "\"},"
                + "\"order\":{\"delayDays\":" + (i % 12) + ",\"value\":" + (20 + i % 250) + "},"
                + "\"interaction\":{\"waitMinutes\":" + (i % 35) + ",\"contactsAboutIssue\":" + (1 + i % 4) + ",\"text\":\"pedido retrasado, ya es la segunda vez que llamo\"},"
                + "\"draft\":\"Lo siento, eso no nos compete.\"}";
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitStart(Process server) throws IOException {
        BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = log.readLine()) != null) {
            seen.add(line);
            if (line.contains("Started PautaApplication") || line.contains("Tomcat started")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (log.readLine() != null) {
                            // keep the pipe empty so the server never blocks on its own output
                        }
                    } catch (IOException ignored) {
                        // the server has stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("the service did not start:\n" + String.join("\n", seen));
    }
}
