package dev.pauta.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import dev.pauta.insights.Suggestion;
import dev.pauta.insights.Suggestions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The insights pages in a real browser on the real service, keyboard only, as a PUBLISHER: every insight and the inbox
 * show the numbers the agents' work produced (set up over the API below), filters narrow them, each table downloads as
 * CSV, reports are accepted and declined, and axe finds no serious or critical violation in any state.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.datasource.url=jdbc:h2:mem:insights-pages;DB_CLOSE_DELAY=-1",
        "pauta.insights.rollup-interval=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsPagesTest {

    static final String PASSWORD = "a-long-password-1";
    static final String OWNER = "paula";
    static final String AGENT = "rosa";
    static final String LATE_ORDER = "{\"locale\":\"es\",\"channel\":\"PHONE\",\"intent\":\"ORDER_DELAYED\",\"customer\":{\"tier\":\"GOLD\"},"
            + "\"order\":{\"delayDays\":6}}";

    @LocalServerPort
    int port;
    @Autowired
    Suggestions suggestions;

    ChromeDriver driver;
    int release;
    long refundsReport;
    long faqReport;

    /**
     * Three late orders by phone in Spanish, the coupon rejected once, first contact in two of three outcomes (66.7 %);
     * a search that finds nothing; a draft with a forbidden phrase; two problem reports; the manual's indicators; and the
     * English FAQ past its review date.
     */
    @BeforeAll
    void theAgentsWork() {
        Http admin = Http.admin(port);
        assertThat(admin.post("/api/v1/users", Map.of("username", OWNER, "password", PASSWORD, "roles", List.of("PUBLISHER"))).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/users", Map.of("username", AGENT, "password", PASSWORD, "roles", List.of("AGENT"))).status()).isEqualTo(201);
        Http agent = new Http(port).as(Http.basic(AGENT, PASSWORD));

        String faq = admin.get("/api/v1/documents?path=manual/en/faq.md").body().get("content").asString();
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("manual/en/faq.md", faq.replaceFirst("reviewBy: .*", "reviewBy: " + LocalDate.now(ZoneOffset.UTC).minusDays(1)));
        documents.put("manual/en/service-indicators.md", indicators("en", "Service indicators", "First contact resolution (minimum)"));
        documents.put("manual/es/service-indicators.md", indicators("es", "Indicadores del servicio", "Resolución en el primer contacto (mínimo)"));
        release = publish(admin, documents);

        int[][] outcomes = {{1, 5}, {0, 2}, {1, 4}};
        for (int i = 0; i < outcomes.length; i++) {
            String id = agent.post("/api/v1/guidance", LATE_ORDER).body().get("decisionId").asString();
            assertThat(admin.post("/api/v1/decisions/" + id + "/outcome", Map.of("firstContact", outcomes[i][0] == 1, "csat", outcomes[i][1])).status())
                    .isEqualTo(200);
            if (i == 0) {
                assertThat(agent.post("/api/v1/decisions/" + id + "/feedback", Map.of("action", "DELAY_COUPON", "outcome", "REJECTED", "reason", "DOES_NOT_APPLY"))
                        .status()).isEqualTo(200);
            }
        }
        assertThat(agent.get("/api/v1/search?locale=es&q=qqzx%20vvwk").body().get("total").asLong()).isZero();
        assertThat(agent.post("/api/v1/check", Map.of("locale", "es", "channel", "PHONE", "text", "Lo siento, eso no nos compete.")).status()).isEqualTo(200);
        refundsReport = agent.post("/api/v1/suggestions", Map.of("section", "refunds", "locale", "es", "text", "Falta el caso de la tarjeta regalo."))
                .body().get("id").asLong();
        faqReport = agent.post("/api/v1/suggestions", Map.of("section", "faq", "locale", "es", "text", "Esta pregunta está repetida."))
                .body().get("id").asLong();
    }

    static int publish(Http admin, Map<String, String> documents) {
        long change = admin.post("/api/v1/changes", Map.of("title", "Indicators and a late review")).body().get("id").asLong();
        documents.forEach((path, content) -> {
            Http.Reply current = admin.get("/api/v1/documents?path=" + path);
            long base = current.status() == 404 ? 0 : current.body().get("revision").asLong();
            assertThat(admin.put("/api/v1/changes/" + change + "/documents?path=" + path, Map.of("content", content, "baseRevision", base)).status())
                    .isEqualTo(200);
        });
        JsonNode published = admin.post("/api/v1/changes/" + change + "/publish", Map.of("message", "indicators")).body();
        return published.get("release").asInt();
    }

    static String indicators(String locale, String title, String fcr) {
        return """
                ---
                id: service-indicators
                title: %s
                kind: reference
                locale: %s
                channels: [ALL]
                tags: [indicators]
                owner: quality
                reviewBy: 2027-01-31
                ---
                # %s

                <!-- table: service-indicators -->
                | Code `code` | Indicator `label` | Target `target` | Unit `unit` |
                | --- | --- | --- | --- |
                | FIRST_CONTACT_RESOLUTION | %s | 75 | %% |
                | CSAT | CSAT | 85 | %% |
                """.formatted(title, locale, title, fcr);
    }

    @BeforeEach
    void browser() {
        driver = Chromium.start("es");
    }

    @AfterEach
    void quit() {
        driver.quit();
    }

    @Test
    void aPublisherReadsEveryInsightByKeyboardWithItsNumbersChartsAndCsv() throws IOException, InterruptedException {
        InsightsPages pages = new InsightsPages(driver, port).signInAs(OWNER, PASSWORD);
        assertThat(driver.findElement(By.cssSelector(".site-header nav a[href='/insights']")).getDomAttribute("aria-current")).isEqualTo("page");
        assertThat(driver.findElement(By.cssSelector("[data-count='stale']")).getText()).startsWith("1 ");
        Axe.check(driver, "es insights overview");

        pages.open("/insights/actions");
        assertThat(pages.cell("actions", "DELAY_COUPON", "No adecuada")).isEqualTo("1");
        assertThat(pages.cell("actions", "DELAY_COUPON", "Primer contacto %")).isEqualTo("66,7");
        assertThat(driver.findElement(By.cssSelector("figure.chart svg")).getDomAttribute("role")).isEqualTo("img");
        Axe.check(driver, "es actions");
        Chromium.screenshot(driver, "insights-es-actions");

        String csv = download(pages.csvLink("actions"), pages.sessionCookie());
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Código,Regla,Mostrada");
        assertThat(csv.lines().filter(l -> l.startsWith("DELAY_COUPON,"))).singleElement().asString().contains(",66.7,");

        pages.choose("f-channel", "EMAIL");
        pages.applyFilters();
        assertThat(driver.findElement(By.cssSelector("table[data-table='actions'] tbody")).getText()).isEqualTo("Nada en este periodo.");
        assertThat(driver.findElement(By.id("f-channel")).getDomProperty("value")).isEqualTo("EMAIL");
        Axe.check(driver, "es actions filtered to nothing");

        pages.open("/insights/sections");
        assertThat(pages.cell("sections", "delay-compensation", "Citada")).isEqualTo("3");
        Axe.check(driver, "es sections");

        pages.open("/insights/gaps");
        assertThat(pages.cell("gaps", "qqzx vvwk", "Veces")).isEqualTo("1");
        Axe.check(driver, "es gaps");

        pages.open("/insights/adherence");
        assertThat(pages.cell("adherence", "eso no nos compete", "Infracciones")).isEqualTo("1");
        Axe.check(driver, "es adherence");

        pages.open("/insights/indicators");
        assertThat(pages.cell("indicators", "FIRST_CONTACT_RESOLUTION", "Valor")).isEqualTo("66,7");
        assertThat(pages.cell("indicators", "FIRST_CONTACT_RESOLUTION", "Cumple el objetivo")).startsWith("no");
        Axe.check(driver, "es indicators");

        pages.open("/insights/releases");
        assertThat(pages.cell("releases", String.valueOf(release), "Decisiones")).isEqualTo("3");
        assertThat(pages.cell("releases", String.valueOf(release), "Aviso")).isEqualTo("demasiado pocos para significar algo");
        Axe.check(driver, "es releases");

        pages.open("/insights/stale");
        assertThat(pages.cell("stale", "support", "Días de retraso")).isEqualTo("1");
        Axe.check(driver, "es stale");

        pages.switchLanguage("en");
        pages.open("/insights/indicators");
        assertThat(pages.heading()).isEqualTo("Service indicators");
        assertThat(pages.cell("indicators", "FIRST_CONTACT_RESOLUTION", "Value")).isEqualTo("66.7");
        Axe.check(driver, "en indicators");
        pages.switchLanguage("es");
    }

    @Test
    void aFilterThatCannotBeAppliedIsExplainedBesideTheForm() {
        InsightsPages pages = new InsightsPages(driver, port).signInAs(OWNER, PASSWORD);
        driver.get("http://localhost:" + port + "/insights/gaps?from=2026-13-01&release=abc");

        WebElement summary = pages.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));

        assertThat(summary.findElements(By.cssSelector("a")).stream().map(a -> a.getDomAttribute("href")).toList())
                .containsExactly("#f-from", "#f-release");
        assertThat(summary.getText()).contains("Primer día").doesNotContain("Exception");
        assertThat(driver.findElements(By.cssSelector("table.data"))).isEmpty();
        Axe.check(driver, "es gaps with a bad filter");
    }

    @Test
    void anOwnerAcceptsOneReportAndDeclinesAnotherAndTheReporterSeesBoth() {
        InsightsPages pages = new InsightsPages(driver, port).signInAs(OWNER, PASSWORD);
        pages.open("/insights/inbox");
        assertThat(driver.findElement(By.cssSelector("[data-report='" + refundsReport + "']")).getText()).contains("Falta el caso de la tarjeta regalo.");
        Axe.check(driver, "es inbox");

        WebElement accepted = pages.accept(refundsReport);
        long change = suggestions.get(refundsReport).changeId();
        assertThat(accepted.getText()).contains("cambio " + change);
        Axe.check(driver, "es inbox after accepting");

        WebElement declined = pages.decline(faqReport, "Ya está en la sección de facturas.");
        assertThat(declined.getDomAttribute("data-inbox-done")).isNotNull();
        Axe.check(driver, "es inbox after declining");

        Map<Long, Suggestion> mine = new LinkedHashMap<>();
        suggestions.byReporter(AGENT, 10).forEach(s -> mine.put(s.id(), s));
        assertThat(mine.get(refundsReport).status()).isEqualTo(Suggestion.ACCEPTED);
        assertThat(mine.get(faqReport).status()).isEqualTo(Suggestion.DECLINED);
        assertThat(mine.get(faqReport).reply()).isEqualTo("Ya está en la sección de facturas.");
    }

    /** The CSV a link gives this browser's session (and language), fetched outside the browser, which would save it to disk. */
    private static String download(String url, String session) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session)
                .header("Accept-Language", "es")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        return response.body();
    }
}
