package dev.pauta.bench;

import dev.pauta.PautaApplication;
import dev.pauta.authoring.Authoring;
import dev.pauta.authoring.PolicyTableForms;
import dev.pauta.authoring.Views;
import dev.pauta.decisions.Decisions;
import dev.pauta.guidance.GuidanceService;
import dev.pauta.rules.Situation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The studio's two slow steps measured on this machine, on the shipped bundle ({@code -Dpauta.bundle-dir}, the repository
 * by default) in an in-memory H2: validating a change (compile, probe, every scenario) and replaying 10,000 logged
 * decisions for its impact. The change is the one the studio's story makes: the GOLD coupon for 5 to 9 days late from
 * 15 % to 20 %, saved in the Spanish table form and so in both locales. Prints the figures; not a test.
 *
 * <p>{@code mvn -Pbench test-compile exec:exec -Dbench.main=dev.pauta.bench.StudioFigures -Dbench=10000}
 */
public final class StudioFigures {

    static final String[] INTENTS = {"ORDER_DELAYED", "ORDER_DELAYED", "ORDER_DELAYED", "COMPLAINT", "REFUND", "WRONG_DEPARTMENT", "CANCELLATION",
            "LONG_WAIT", "PRODUCT_QUESTION", "BILLING", "FEEDBACK", "OTHER"};
    static final String[] CHANNELS = {"PHONE", "EMAIL", "CHAT", "SOCIAL", "STORE", "WEB"};
    static final String[] TIERS = {"STANDARD", "GOLD", "VIP"};
    static final String[] LOCALES = {"es", "en"};

    private StudioFigures() {
    }

    public static void main(String[] args) throws Exception {
        int decisions = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 10_000;
        Path bundle = Path.of(System.getProperty("pauta.bundle-dir", ".")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("pauta-studio-figures");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PautaApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:studio-figures;DB_CLOSE_DELAY=-1", "--pauta.data-dir=" + data, "--pauta.bundle-dir=" + bundle,
                "--PAUTA_ADMIN_PASSWORD=studio-figures-password", "--pauta.security.bcrypt-strength=4", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN")) {
            Authoring authoring = context.getBean(Authoring.class);
            PolicyTableForms tables = context.getBean(PolicyTableForms.class);
            GuidanceService guidance = context.getBean(GuidanceService.class);
            Decisions log = context.getBean(Decisions.class);

            long change = goldCouponTo20(authoring, tables);
            List<Long> validations = new ArrayList<>();
            Views.ValidationReport report = null;
            for (int run = 0; run < 5; run++) {
                long started = System.nanoTime();
                report = authoring.validate(change);
                validations.add((System.nanoTime() - started) / 1_000_000);
            }

            Instant from = Instant.now();
            long seeding = System.nanoTime();
            Random random = new Random(42);
            for (int i = 0; i < decisions; i++) {
                guidance.decide(situation(random, i), "studio-figures");
            }
            while (log.list(from, null, 0, 1).total() < decisions) {
                Thread.sleep(50);
            }
            long seeded = (System.nanoTime() - seeding) / 1_000_000;

            List<Long> impacts = new ArrayList<>();
            Decisions.Impact impact = null;
            for (int run = 0; run < 3; run++) {
                long started = System.nanoTime();
                impact = log.impact(change, from, null, decisions);
                impacts.add((System.nanoTime() - started) / 1_000_000);
            }

            System.out.println();
            System.out.printf("Studio figures on %s (%d cores, max heap %d MB), bundle %s%n", System.getProperty("os.name"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, bundle);
            System.out.printf("  validate the change (compile, probe, %d scenarios): first %d ms, then %s ms (median %d ms); ok=%s, %d problem(s)%n",
                    report.scenariosPassed() + report.scenariosFailed(), validations.get(0), validations.subList(1, validations.size()),
                    median(validations.subList(1, validations.size())), report.ok(), report.errors().size());
            report.errors().stream().limit(3).forEach(problem -> System.out.println("    " + problem.describe()));
            System.out.printf("  seeded %d decisions through GuidanceService and the decision log in %d ms%n", decisions, seeded);
            System.out.printf("  impact over %d logged decisions: first %d ms, then %s ms (median %d ms); %d replayed, %d changed, appeared %s, disappeared %s%n",
                    decisions, impacts.get(0), impacts.subList(1, impacts.size()), median(impacts.subList(1, impacts.size())), impact.replayed(),
                    impact.changed(), impact.appeared(), impact.disappeared());
        }
    }

    /** The GOLD row of 5 to 9 days from 15 % to 20 %, saved in the Spanish form; the English table follows. */
    static long goldCouponTo20(Authoring authoring, PolicyTableForms tables) {
        long change = authoring.createChange("Gold coupon 5 to 9 days: 20 %", "studio-figures").id();
        PolicyTableForms.TableForm form = tables.read(change, "manual/es/delay-compensation.md", "delay-coupons");
        List<Map<String, String>> rows = new ArrayList<>();
        for (PolicyTableForms.Row row : form.rows()) {
            Map<String, String> cells = new java.util.LinkedHashMap<>(row.cells());
            if (cells.get("tier").equals("GOLD") && cells.get("minDays").equals("5")) {
                cells.put("percent", "20");
            }
            rows.add(cells);
        }
        PolicyTableForms.Saved saved = tables.save(change, form.path(), form.table(), rows, form.revision(), "studio-figures");
        if (saved.documents().size() != 2) {
            throw new IllegalStateException("the save wrote " + saved.documents().stream().map(Views.DocumentView::path).toList() + ", not both locales");
        }
        return change;
    }

    static Situation situation(Random random, int i) {
        String intent = INTENTS[random.nextInt(INTENTS.length)];
        Integer delay = intent.equals("ORDER_DELAYED") ? 1 + random.nextInt(14) : null;
        Integer wait = random.nextInt(3) == 0 ? random.nextInt(40) : null;
        return new Situation(LOCALES[i % 2], CHANNELS[random.nextInt(CHANNELS.length)], intent,
                new Situation.Customer("C-FIG-" + i, null, TIERS[random.nextInt(TIERS.length)], List.of()), new Situation.Order(null, delay, null, null),
                new Situation.Interaction(wait, null, null, null, null), null);
    }

    static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
