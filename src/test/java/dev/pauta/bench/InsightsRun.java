package dev.pauta.bench;

import dev.pauta.PautaApplication;
import dev.pauta.insights.Insights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The insights on a large log: seeds N logged decisions (1,000,000 by default) with feedback on 40 % and outcomes on 60 %,
 * plus searches, draft checks and sections opened, straight into an H2 file database under target/bench-insights with JDBC
 * batches; starts the service on it; times the rollup catching up with all of it once; then times each insight over 90
 * days, through the Java entry point and over HTTP (median of five after one cold read). A database already seeded with N
 * decisions is reused; delete the folder to seed again.
 *
 * <p>{@code mvn -Pbench test-compile exec:exec -Dbench.main=dev.pauta.bench.InsightsRun -Dbench=1000000}
 */
public final class InsightsRun {

    static final Path FOLDER = Path.of("target", "bench-insights");
    static final String PASSWORD = "bench-admin-password-1";
    static final int DAYS = 90;
    static final int RELEASES = 5;
    static final String[] LOCALES = {"es", "en"};
    static final String[] CHANNELS = {"PHONE", "EMAIL", "CHAT", "SOCIAL", "STORE", "WEB"};
    static final String[] INTENTS = {"ORDER_DELAYED", "WRONG_DEPARTMENT", "COMPLAINT", "REFUND", "PRODUCT_QUESTION", "BILLING", "CANCELLATION",
            "LONG_WAIT", "FEEDBACK", "OTHER"};
    /** Per intent, the actions its decisions show: code, rule, cited section. */
    static final String[][][] ACTIONS = {
            {{"DELAY_APOLOGY", "Apologise for a late order", "delay-compensation"}, {"DELAY_STATUS", "Give a concrete new delivery date", "delay-compensation"},
                    {"DELAY_COUPON", "Delay coupon by days late and tier", "delay-compensation"}},
            {{"RESOLVE_FIRST", "Try to resolve before transferring", "wrong-department"}, {"WARM_TRANSFER", "Transfer warmly, never ask to call again", "wrong-department"}},
            {{"ESCALATE_REPEAT", "Escalate on repeat contacts about the same issue", "escalation"}, {"COMPLAINT_LOG", "Log every contact as a ticket", "ticket-protocol"}},
            {{"REFUND_CONFIRM", "Confirm the refund details", "refunds"}, {"REFUND_APPROVE", "Approve a refund within the agent's authority", "refunds"}},
            {{"FAQ_ANSWER", "Answer product questions from the FAQ", "faq"}},
            {{"INVOICE_CHECK", "Check the invoice before discussing a charge", "faq"}},
            {{"CANCEL_ASK", "Ask why the customer wants to cancel", "cancellation-retention"}, {"RETENTION_OFFER", "One retention offer by tier", "cancellation-retention"}},
            {{"WAIT_APOLOGY", "Apologise for a long wait", "long-wait"}, {"WAIT_GESTURE", "Gesture after a very long wait", "long-wait"}},
            {{"THANK_FEEDBACK", "Log every contact as a ticket", "feedback-and-suggestions"}},
            {{"TICKET_LOG", "Log every contact as a ticket", "ticket-protocol"}}};
    static final String[] REASONS = {"WRONG_FACTS", "DOES_NOT_APPLY", "CUSTOMER_REFUSED", "OTHER", ""};
    static final String[] PHRASES = {"eso no nos compete", "marcó mal", "vuelva a llamar", "cálmese", "that's not my department", "call back later"};

    private InsightsRun() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 1_000_000;
        Files.createDirectories(FOLDER);
        ConfigurableApplicationContext context = new SpringApplication(PautaApplication.class).run(
                "--spring.datasource.url=jdbc:h2:file:" + FOLDER.toAbsolutePath().resolve("pauta") + ";WRITE_DELAY=0",
                "--pauta.bundle-dir=" + System.getProperty("pauta.bundle-dir", "."), "--PAUTA_ADMIN_PASSWORD=" + PASSWORD, "--server.port=0",
                "--pauta.insights.rollup-interval=24h", "--pauta.insights.rollup-batch=5000", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            DataSource data = context.getBean(DataSource.class);
            Insights insights = context.getBean(Insights.class);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            long logged = count(data, "select count(*) from decision_log");
            System.out.println();
            if (logged == 0) {
                long started = System.nanoTime();
                seed(data, n);
                System.out.printf("Seeded %,d decisions with feedback, outcomes and usage events in %.1f s%n", n, seconds(started));
            } else {
                System.out.printf("Reusing %s with %,d decisions (delete the folder to seed again)%n", FOLDER, logged);
            }
            long started = System.nanoTime();
            insights.refresh();
            System.out.printf("Rollup catching up with everything not yet counted: %.1f s%n", seconds(started));
            System.out.printf("Rollup rows: %,d action-days, %,d outcome-days, %,d decisions counted%n", count(data, "select count(*) from insight_action_day"),
                    count(data, "select count(*) from insight_outcome_day"), count(data, "select count(*) from insight_decision"));

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Insights.Filter all = insights.filter(today.minusDays(DAYS - 1), today, null, null, null, null);
            Insights.Filter narrow = insights.filter(today.minusDays(DAYS - 1), today, "es", "PHONE", "ORDER_DELAYED", null);
            System.out.printf("%nInsights over %d days of %,d decisions: cold read, then the median of 5 (target <= 1000 ms each)%n", DAYS, n);
            time("actions", () -> insights.actions(all).size());
            time("actions es/PHONE/ORDER_DELAYED", () -> insights.actions(narrow).size());
            time("sections", () -> insights.sections(all).size());
            time("gaps", () -> insights.gaps(all).items().size());
            time("adherence", () -> insights.adherence(all).phrases().size());
            time("indicators", () -> insights.indicators(all).indicators().size());
            time("releases", () -> insights.releases(all).size());
            time("stale", () -> insights.stale(null).size());

            System.out.printf("%nThe same over HTTP, JSON included, with an API key (a password would add bcrypt to every call)%n");
            HttpClient client = HttpClient.newHttpClient();
            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/api-keys"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-" + System.currentTimeMillis() + "\",\"roles\":[\"PUBLISHER\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String auth = "Bearer " + created.body().replaceAll("(?s).*\"key\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String window = "?from=" + today.minusDays(DAYS - 1) + "&to=" + today;
            for (String insight : List.of("actions", "sections", "gaps", "adherence", "indicators", "releases", "stale")) {
                URI uri = URI.create("http://localhost:" + port + "/api/v1/insights/" + insight + (insight.equals("stale") ? "" : window));
                time("GET /api/v1/insights/" + insight, () -> {
                    try {
                        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).header("Authorization", auth).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(insight + " answered " + response.statusCode());
                        }
                        return response.body().length;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
            }
            System.out.printf("%nIncremental: 10,000 more decisions (with their feedback and outcomes) counted by the rollup in %.1f s%n",
                    appendAndCount(data, insights, 10_000));
            time("actions after them", () -> insights.actions(all).size());
        } finally {
            context.close();
        }
    }

    private static void time(String name, Supplier<Integer> read) {
        long started = System.nanoTime();
        int size = read.get();
        double cold = (System.nanoTime() - started) / 1e6;
        double[] warm = new double[5];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            read.get();
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf("  %-36s cold %7.1f ms, median %7.1f ms  (%,d %s)%n", name, cold, warm[2], size, name.startsWith("GET") ? "bytes" : "rows");
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static long count(DataSource data, String sql) throws Exception {
        try (Connection c = data.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Decisions spread evenly over the last 90 days, the release growing every 18 days; what followed them; and usage events. */
    static void seed(DataSource data, int n) throws Exception {
        Random random = new Random(42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant origin = now.minus(DAYS, ChronoUnit.DAYS).plusSeconds(60);
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            seedDecisions(c, random, 1, n, origin, origin, now.minusSeconds(60));
            seedEvents(c, random, origin, ChronoUnit.MICROS.between(origin, now.minusSeconds(60)));
            c.commit();
        }
    }

    /** {@code count} more decisions, logged over the last minute, with what followed them; returns the time the rollup takes to count them. */
    static double appendAndCount(DataSource data, Insights insights, int count) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            long from = count(data, "select coalesce(max(seq), 0) from decision_log") + 1;
            seedDecisions(c, new Random(from), (int) from, (int) from + count - 1, now.minus(DAYS, ChronoUnit.DAYS).plusSeconds(60), now.minusSeconds(60),
                    now.minusSeconds(1));
            c.commit();
        }
        long started = System.nanoTime();
        insights.refresh();
        return seconds(started);
    }

    /** Decisions {@code from} to {@code to}, evenly between {@code start} and {@code end}; the release grows every 18 days after {@code origin}. */
    private static void seedDecisions(Connection c, Random random, int from, int to, Instant origin, Instant start, Instant end) throws Exception {
        long span = ChronoUnit.MICROS.between(start, end);
        int n = to - from + 1;
        String hash = "0".repeat(64);
        try (PreparedStatement log = c.prepareStatement("insert into decision_log (seq, id, at, release_number, caller, customer_key, locale, channel, intent, "
                + "schema_version, situation, decision, latency_micros, prev_hash, hash, chain_version) values (?, ?, ?, ?, 'bench', null, ?, ?, ?, 2, ?, ?, 150, ?, ?, 3)");
             PreparedStatement feedback = c.prepareStatement("insert into decision_feedback (decision_id, action, outcome, reason, helpful, comment, caller, at) "
                     + "values (?, ?, ?, ?, ?, null, 'bench', ?)");
             PreparedStatement report = c.prepareStatement("insert into decision_outcome_report (id, decision_id, resolved, first_contact, csat, "
                     + "contacts_about_issue, handle_seconds, caller, at) values (?, ?, ?, ?, ?, ?, ?, 'crm', ?)");
             PreparedStatement outcome = c.prepareStatement("insert into decision_outcome (decision_id, report_id, resolved, first_contact, csat, "
                     + "contacts_about_issue, handle_seconds, caller, at, reports) values (?, ?, ?, ?, ?, ?, ?, 'crm', ?, 1)");
             PreparedStatement pending = c.prepareStatement("insert into insight_pending (decision_id) values (?)")) {
            for (int i = from; i <= to; i++) {
                Instant at = start.plus((long) ((double) span * (i - from) / n), ChronoUnit.MICROS);
                Timestamp when = Timestamp.from(at);
                int release = 1 + Math.min(RELEASES - 1, (int) (ChronoUnit.DAYS.between(origin, at) / (DAYS / RELEASES)));
                String locale = LOCALES[random.nextInt(LOCALES.length)];
                String channel = CHANNELS[random.nextInt(CHANNELS.length)];
                int intent = random.nextInt(INTENTS.length);
                String id = String.format("bench-%010d", i);
                boolean unmatched = random.nextInt(100) == 0;
                log.setLong(1, i);
                log.setString(2, id);
                log.setTimestamp(3, when);
                log.setInt(4, release);
                log.setString(5, locale);
                log.setString(6, channel);
                log.setString(7, INTENTS[intent]);
                log.setString(8, situation(locale, channel, INTENTS[intent], unmatched ? "quiero saber qué pasa con mi tarjeta regalo " + random.nextInt(20) : null));
                log.setString(9, decision(ACTIONS[intent], unmatched));
                log.setString(10, hash);
                log.setString(11, hash);
                log.addBatch();
                boolean followed = false;
                if (random.nextInt(100) < 40) {
                    String[] action = ACTIONS[intent][random.nextInt(ACTIONS[intent].length)];
                    boolean rejected = random.nextInt(100) < 30;
                    String reason = rejected ? REASONS[random.nextInt(REASONS.length)] : "";
                    feedback.setString(1, id);
                    feedback.setString(2, action[0]);
                    feedback.setString(3, rejected ? "REJECTED" : "ACCEPTED");
                    feedback.setString(4, reason.isEmpty() ? null : reason);
                    feedback.setObject(5, random.nextInt(3) == 0 ? null : random.nextBoolean());
                    feedback.setTimestamp(6, when);
                    feedback.addBatch();
                    followed = true;
                }
                if (random.nextInt(100) < 60) {
                    Boolean resolved = random.nextInt(10) < 8;
                    Boolean firstContact = resolved && random.nextInt(10) < 8;
                    Integer csat = random.nextInt(10) < 7 ? 1 + random.nextInt(5) : null;
                    Integer contacts = 1 + random.nextInt(3);
                    Integer handle = 60 + random.nextInt(900);
                    report.setLong(1, i);
                    report.setString(2, id);
                    set(report, 3, resolved, firstContact, csat, contacts, handle);
                    report.setTimestamp(8, when);
                    report.addBatch();
                    outcome.setString(1, id);
                    outcome.setLong(2, i);
                    set(outcome, 3, resolved, firstContact, csat, contacts, handle);
                    outcome.setTimestamp(8, when);
                    outcome.addBatch();
                    followed = true;
                }
                if (followed) {
                    pending.setString(1, id);
                    pending.addBatch();
                }
                if ((i - from + 1) % 5_000 == 0 || i == to) {
                    log.executeBatch();
                    feedback.executeBatch();
                    report.executeBatch();
                    outcome.executeBatch();
                    pending.executeBatch();
                    c.commit();
                }
            }
        }
        try (Statement s = c.createStatement()) {
            // the identity keeps counting after the reports inserted with their own ids
            s.execute("alter table decision_outcome_report alter column id restart with " + (to + 1));
        }
    }

    /** 200,000 searches (one in ten finding nothing, among 2,000 different phrasings), 100,000 draft checks, 100,000 sections opened. */
    private static void seedEvents(Connection c, Random random, Instant first, long span) throws Exception {
        String[] sections = {"refunds", "delay-compensation", "faq", "escalation", "long-wait", "values", "forbidden-phrases"};
        try (PreparedStatement event = c.prepareStatement("insert into insight_event (kind, at, locale, channel, subject, hits, release_number, phrases) "
                + "values (?, ?, ?, ?, ?, ?, 1, ?)")) {
            for (int i = 0; i < 400_000; i++) {
                Timestamp when = Timestamp.from(first.plus((long) ((double) span * i / 400_000), ChronoUnit.MICROS));
                String locale = LOCALES[random.nextInt(LOCALES.length)];
                event.setTimestamp(2, when);
                event.setString(3, locale);
                if (i % 2 == 0) {
                    boolean gap = random.nextInt(10) == 0;
                    event.setString(1, "SEARCH");
                    event.setString(4, "");
                    event.setString(5, gap ? "tarjeta regalo caducada " + random.nextInt(2_000) : "reembolso");
                    event.setLong(6, gap ? 0 : 5);
                    event.setString(7, null);
                } else if (i % 4 == 1) {
                    List<String> flagged = new ArrayList<>();
                    if (random.nextInt(4) == 0) {
                        flagged.add(PHRASES[random.nextInt(PHRASES.length)]);
                    }
                    event.setString(1, "CHECK");
                    event.setString(4, CHANNELS[random.nextInt(CHANNELS.length)]);
                    event.setString(5, "");
                    event.setLong(6, flagged.size());
                    event.setString(7, flagged.isEmpty() ? null : String.join("\n", flagged));
                } else {
                    event.setString(1, "OPEN");
                    event.setString(4, "");
                    event.setString(5, sections[random.nextInt(sections.length)]);
                    event.setLong(6, 0);
                    event.setString(7, null);
                }
                event.addBatch();
                if (i % 5_000 == 4_999) {
                    event.executeBatch();
                    c.commit();
                }
            }
            event.executeBatch();
        }
    }

    private static void set(PreparedStatement s, int from, Boolean resolved, Boolean firstContact, Integer csat, Integer contacts, Integer handle)
            throws Exception {
        s.setObject(from, resolved);
        s.setObject(from + 1, firstContact);
        s.setObject(from + 2, csat);
        s.setObject(from + 3, contacts);
        s.setObject(from + 4, handle);
    }

    /** A situation in stored schema version 2, its customer id hashed as the log keeps it. */
    static String situation(String locale, String channel, String intent, String words) {
        return "{\"locale\":\"" + locale + "\",\"channel\":\"" + channel + "\",\"intent\":\"" + intent + "\",\"customer\":{\"id\":\"hash:0f3a\",\"type\":null,"
                + "\"tier\":\"GOLD\",\"specialNeeds\":[]},\"order\":null,\"interaction\":{\"waitMinutes\":5,\"transfers\":0,\"contactsAboutIssue\":1,"
                + "\"sentiment\":null,\"text\":" + (words == null ? "null" : "\"" + words + "\"") + "},\"draft\":null}";
    }

    /** A decision in stored schema version 2 showing these actions, and matching a section unless {@code unmatched}. */
    static String decision(String[][] actions, boolean unmatched) {
        StringBuilder out = new StringBuilder("{\"actions\":[");
        for (int a = 0; a < actions.length; a++) {
            out.append(a == 0 ? "" : ",").append("{\"type\":\"SAY\",\"code\":\"").append(actions[a][0]).append("\",\"priority\":").append(90 - a * 10)
                    .append(",\"text\":\"Guidance for the agent.\",\"reason\":\"Because the manual says so.\",\"rule\":\"").append(actions[a][1])
                    .append("\",\"sections\":[{\"id\":\"").append(actions[a][2]).append("\",\"title\":\"Section\"}],\"params\":{}}");
        }
        out.append("],\"avoid\":[],\"sections\":");
        out.append(unmatched ? "[]" : "[{\"id\":\"" + actions[0][2] + "\",\"title\":\"Section\",\"kind\":\"policy\",\"snippet\":\"…\",\"score\":2.5}]");
        out.append(",\"violations\":[],\"explanation\":{\"rulesFired\":[],\"notApplied\":[],\"tookMicros\":150}}");
        return out.toString();
    }
}
