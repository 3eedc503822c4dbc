package dev.pauta.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Http;
import dev.pauta.ShippedPolicy;
import dev.pauta.guidance.ManualSections;
import dev.pauta.security.Accounts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The agent workspace in a real browser on the real service and the shipped manual, keyboard only, in Spanish and in
 * English, with axe on every state. The numbers and titles expected come from the manual itself, not from this test.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.datasource.url=jdbc:h2:mem:agent-pages;DB_CLOSE_DELAY=-1", "pauta.bundle-dir=."})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentWorkspaceTest {

    static final String PASSWORD = "a-long-password-1";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ManualSections sections;
    @Autowired
    JdbcClient jdbc;

    ChromeDriver driver;

    @BeforeAll
    void agents() {
        for (String name : List.of("ana", "ben")) {
            accounts.createUser(name, PASSWORD, List.of("AGENT"));
        }
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
    void aSpanishAgentHandlesALateOrderByKeyboard() {
        AgentWorkspace page = new AgentWorkspace(driver, port).signInAs("ana", PASSWORD);
        long report = lateOrderFlow(page, "es", "Lo siento, eso no nos compete.", "eso no nos compete", "reembolzo", "reembolso");

        // an elderly caller is addressed as usted: a tú form in the draft is marked, and Replace writes the usted form
        page.typeDraft("¿Puedes confirmarme la dirección?");
        page.waitForViolation("Puedes");
        page.replace("puedes");
        page.waiting().until(d -> page.draft().startsWith("¿Puede "));

        page.reload();
        By mine = By.cssSelector(".my-reports [data-report='" + report + "']");
        assertThat(driver.findElement(mine).getDomAttribute("data-status")).isEqualTo("OPEN");
        assertThat(Http.admin(port).post("/api/v1/suggestions/" + report + "/decline", Map.of("reply", "El plazo ya coincide con las preguntas frecuentes."))
                .status()).isEqualTo(200);
        page.reload();
        assertThat(driver.findElement(mine).getDomAttribute("data-status")).isEqualTo("DECLINED");
        assertThat(driver.findElement(mine).getDomProperty("textContent")).contains("El plazo ya coincide con las preguntas frecuentes.");
        Axe.check(driver, "es workspace with my reports");
    }

    @Test
    void anEnglishAgentHandlesALateOrderByKeyboard() {
        AgentWorkspace page = new AgentWorkspace(driver, port).signInAs("ben", PASSWORD);
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        page.switchLanguage("en");
        lateOrderFlow(page, "en", "I'm sorry, that's not my department.", "that's not my department", "refunnd", "refund");
        // the choice is the person's, not the browser's: a new browser that asks for Spanish still gets English
        driver.quit();
        driver = Chromium.start("es");
        new AgentWorkspace(driver, port).signInAs("ben", PASSWORD);
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
    }

    @Test
    void aFormMissingItsReasonSaysWhatToFixInEachLanguageAndKeepsWhatWasTyped() {
        AgentWorkspace page = new AgentWorkspace(driver, port).signInAs("ana", PASSWORD);
        for (String language : List.of("es", "en")) {
            if (!language.equals("es")) {
                page.switchLanguage(language);
            }
            page.choose("f-channel", "CHAT");
            page.type("f-delayDays", "4");
            page.press(Keys.chord(Keys.CONTROL, Keys.ENTER));
            WebElement summary = page.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#guidance-panel .error-summary")));
            WebElement link = summary.findElement(By.cssSelector("a[href='#f-intent']"));
            assertThat(link.getText()).startsWith(driver.findElement(By.cssSelector("label[for='f-intent']")).getText());
            assertThat(driver.switchTo().activeElement()).isEqualTo(summary);
            assertThat(driver.findElement(By.id("f-delayDays")).getDomProperty("value")).isEqualTo("4");
            assertThat(driver.findElement(By.id("f-channel")).getDomProperty("value")).isEqualTo("CHAT");
            Axe.check(driver, language + " form with an error");
            Chromium.screenshot(driver, "agent-" + language + "-error");
        }
        page.switchLanguage("es");
    }

    @Test
    void acceptingAnOfferPastTheCapSaysWhyAndRecordsNothing() {
        AgentWorkspace page = new AgentWorkspace(driver, port).signInAs("ana", PASSWORD);
        String customer = "C-" + UUID.randomUUID();
        page.describeLateOrder(6, customer);
        page.askForGuidance();
        String offered = page.decisionId();
        // meanwhile the same customer accepts as many coupons as the cap allows through another channel of the centre
        Http api = Http.admin(port);
        for (int i = 0; i < ShippedPolicy.capPerWindow(); i++) {
            Http.Reply decided = api.post("/api/v1/guidance", Map.of("locale", "es", "channel", "PHONE", "intent", "ORDER_DELAYED",
                    "customer", Map.of("id", customer, "tier", "GOLD"), "order", Map.of("delayDays", 6)));
            assertThat(decided.status()).isEqualTo(200);
            assertThat(api.post("/api/v1/decisions/" + decided.body().get("decisionId").asString() + "/feedback",
                    Map.of("action", "DELAY_COUPON", "outcome", "ACCEPTED")).status()).isEqualTo(200);
        }
        WebElement refused = page.accept("DELAY_COUPON");
        assertThat(refused.getDomAttribute("data-problem")).isEqualTo("problem.cap-reached");
        assertThat(refused.getDomAttribute("role")).isEqualTo("alert");
        assertThat(refused.getText()).contains(Integer.toString(ShippedPolicy.capWindowDays()));
        assertThat(jdbc.sql("select count(*) from compensation_ledger where decision_id = ?").param(offered).query(Integer.class).single()).isZero();
        Axe.check(driver, "es cap reached on acceptance");
        Chromium.screenshot(driver, "agent-es-cap-refused");
    }

    @Test
    void aCodeTheReleaseNoLongerKnowsIsExplainedNotShownAsAFailure() {
        AgentWorkspace page = new AgentWorkspace(driver, port).signInAs("ana", PASSWORD);
        page.choose("f-intent", "ORDER_DELAYED");
        // as after a publish that removed a channel while this page was open
        driver.executeScript("var o = document.querySelector('#f-channel option[value=PHONE]'); o.value = 'FAX'; o.selected = true;");
        page.press(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebElement problem = page.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#guidance-panel [data-problem]")));
        assertThat(problem.getDomAttribute("data-problem")).isEqualTo("problem.unknown-code");
        assertThat(problem.getDomAttribute("role")).isEqualTo("alert");
        assertThat(problem.getText()).contains("FAX").doesNotContain("Exception");
        Axe.check(driver, "es unknown code");
    }

    @Test
    void anAgentWhoOpensTheStudioIsToldWhyOnAPageNotInJson() {
        new AgentWorkspace(driver, port).signInAs("ana", PASSWORD);
        driver.get("http://localhost:" + port + "/studio");
        WebElement problem = new AgentWorkspace(driver, port).waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-problem='problem.forbidden']")));
        assertThat(problem.getDomAttribute("role")).isEqualTo("alert");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        assertThat(driver.getPageSource()).doesNotContain("\"status\"");
        Axe.check(driver, "es forbidden page");
    }

    @Test
    void anEndedSessionSendsToSignInAndTheFormComesBack() {
        AgentWorkspace page = new AgentWorkspace(driver, port).signInAs("ana", PASSWORD);
        page.describeLateOrder(9, "C-kept");
        driver.manage().deleteCookieNamed("JSESSIONID");
        page.press(Keys.chord(Keys.CONTROL, Keys.ENTER));
        page.waiting().until(ExpectedConditions.urlContains("/login?expired"));
        assertThat(driver.findElement(By.cssSelector("[role='status']")).getText()).isNotBlank();
        Axe.check(driver, "es sign-in after the session ended");
        page.signInAs("ana", PASSWORD);
        assertThat(driver.findElement(By.id("f-delayDays")).getDomProperty("value")).isEqualTo("9");
        assertThat(driver.findElement(By.id("f-customerId")).getDomProperty("value")).isEqualTo("C-kept");
        assertThat(driver.findElement(By.id("f-tier")).getDomProperty("value")).isEqualTo("GOLD");
        page.askForGuidance();
        assertThat(page.cardCodes()).isNotEmpty();
    }

    @Test
    void aLostConnectionIsSaidPlainlyAndTheNextTryWorks() {
        AgentWorkspace page = new AgentWorkspace(driver, port).signInAs("ana", PASSWORD);
        page.describeLateOrder(2, "C-offline");
        driver.setNetworkConditions(offline());
        page.press(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebElement banner = page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("connection-problem")));
        assertThat(banner.getDomAttribute("role")).isEqualTo("alert");
        Axe.check(driver, "es offline");
        Chromium.screenshot(driver, "agent-es-offline");
        driver.deleteNetworkConditions();
        page.askForGuidance();
        assertThat(banner.isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("f-customerId")).getDomProperty("value")).isEqualTo("C-offline");
    }

    /**
     * Measures in the browser what an agent waits for: Ctrl+Enter to the cards painted and a draft check's round trip (from
     * the request leaving, after the typing pause), 20 of each, and the bytes of script and style the page loads. Prints
     * the figures; it asserts only that each was measured, since speed is reported, not unit-tested.
     */
    @Test
    void measuresWhatAnAgentWaitsFor() {
        AgentWorkspace page = new AgentWorkspace(driver, port).signInAs("ana", PASSWORD);
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> resources = (List<java.util.Map<String, Object>>) driver.executeScript(
                "return performance.getEntriesByType('resource').filter(r => r.initiatorType === 'script' || r.initiatorType === 'link')"
                        + ".map(r => ({name: r.name, transfer: r.encodedBodySize, body: r.decodedBodySize}))");
        long transferred = resources.stream().mapToLong(r -> ((Number) r.get("transfer")).longValue()).sum();
        long decoded = resources.stream().mapToLong(r -> ((Number) r.get("body")).longValue()).sum();
        page.describeLateOrder(6, "C-timing");
        for (int i = 0; i < 20; i++) {
            page.askForGuidance();
        }
        List<Double> guidance = measures("guidance", 20, page);
        for (int i = 0; i < 20; i++) {
            page.typeDraft(i % 2 == 0 ? "Hola, eso no nos compete " + i : "Hola, gracias por esperar " + i);
            int expected = i + 1;
            page.waiting().until(d -> measures("draft-check").size() >= expected);
        }
        List<Double> drafts = measures("draft-check", 20, page);
        System.out.printf("Agent workspace in chromium: Ctrl+Enter to cards painted median %.0f ms, p95 %.0f ms; draft check round trip median %.0f ms, "
                        + "p95 %.0f ms (20 each); script and CSS: %d resources, %d bytes on the wire (gzip), %d bytes uncompressed%n",
                percentile(guidance, 50), percentile(guidance, 95), percentile(drafts, 50), percentile(drafts, 95), resources.size(), transferred, decoded);
        assertThat(resources).extracting(r -> (String) r.get("name")).anyMatch(name -> name.contains("htmx.min.js")).anyMatch(name -> name.contains("pauta"));
    }

    private List<Double> measures(String name, int count, AgentWorkspace page) {
        page.waiting().until(d -> measures(name).size() >= count);
        return measures(name);
    }

    @SuppressWarnings("unchecked")
    private List<Double> measures(String name) {
        return ((List<Number>) driver.executeScript("return performance.getEntriesByName(arguments[0], 'measure').map(m => m.duration)", name)).stream()
                .map(Number::doubleValue).toList();
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static org.openqa.selenium.chromium.ChromiumNetworkConditions offline() {
        org.openqa.selenium.chromium.ChromiumNetworkConditions conditions = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }

    private long lateOrderFlow(AgentWorkspace page, String language, String draft, String phrase, String misspelt, String corrected) {
        Axe.check(driver, language + " empty workspace");
        Chromium.screenshot(driver, "agent-" + language + "-1-empty");

        String customer = "C-" + UUID.randomUUID();
        page.describeLateOrder(6, customer);
        page.askForGuidance();
        String percent = ShippedPolicy.couponPercent("GOLD", 6) + " %";
        WebElement coupon = page.card("DELAY_COUPON");
        assertThat(coupon.getDomAttribute("data-type")).isEqualTo("OFFER");
        assertThat(coupon.findElement(By.cssSelector(".params")).getText()).contains(percent);
        String cited = sections.section("delay-compensation", language).title();
        assertThat(coupon.findElements(By.cssSelector(".cites a")).stream().map(WebElement::getText)).contains(cited);
        assertThat(page.announced()).contains(Integer.toString(page.cardCodes().size())).contains(percent);
        Axe.check(driver, language + " guidance");
        Chromium.screenshot(driver, "agent-" + language + "-2-guidance");

        WebElement reader = page.openCited("DELAY_COUPON", cited);
        assertThat(reader.findElement(By.id("reader-title")).getText()).isEqualTo(cited);

        page.typeDraft(draft);
        page.waitForViolation(phrase);
        Axe.check(driver, language + " draft with a violation");
        Chromium.screenshot(driver, "agent-" + language + "-3-violation");
        page.replace(phrase);
        page.waitUntilNotFlagged(phrase);
        assertThat(page.draft().toLowerCase()).doesNotContain(phrase);

        String decision = page.decisionId();
        WebElement recorded = page.accept("DELAY_COUPON");
        assertThat(recorded.getDomAttribute("data-ledger")).isEqualTo("RECORDED");
        assertThat(jdbc.sql("select count(*) from compensation_ledger where decision_id = ? and code = 'DELAY_COUPON'").param(decision)
                .query(Integer.class).single()).isEqualTo(1);

        page.askForGuidance();
        assertThat(page.cardCodes()).doesNotContain("DELAY_COUPON");
        assertThat(page.heldBack()).contains("DELAY_COUPON");
        Axe.check(driver, language + " guidance with an offer held back");
        Chromium.screenshot(driver, "agent-" + language + "-4-held-back");

        page.search(misspelt);
        assertThat(page.suggestion()).isEqualTo(corrected);
        WebElement refunds = page.open("refunds");
        assertThat(refunds.findElement(By.id("reader-title")).getText()).isEqualTo(sections.section("refunds", language).title());
        Axe.check(driver, language + " search and reader");
        Chromium.screenshot(driver, "agent-" + language + "-5-reader");

        String latest = page.decisionId();
        WebElement sent = page.reportProblem("The refund deadline here disagrees with the FAQ.");
        long id = Long.parseLong(sent.getDomAttribute("data-suggestion"));
        assertThat(jdbc.sql("select count(*) from insight_event where kind = 'SEARCH' and locale = ? and subject = ?").params(language, misspelt)
                .query(Long.class).single()).as("the search is counted for the insights").isPositive();
        assertThat(jdbc.sql("select count(*) from insight_event where kind = 'OPEN' and locale = ? and subject = 'refunds'").param(language)
                .query(Long.class).single()).as("so is the section opened").isPositive();
        assertThat(jdbc.sql("select section || '|' || locale || '|' || decision_id || '|' || reporter from suggestion where id = ?").param(id)
                .query(String.class).single()).isEqualTo("refunds|" + language + "|" + latest + "|" + page.driver.findElement(By.cssSelector(".who")).getText()
                .replaceAll(".* ", ""));
        return id;
    }
}
