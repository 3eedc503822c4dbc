package dev.pauta.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ShippedPolicy;
import dev.pauta.guidance.ManualSections;
import dev.pauta.security.Accounts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.datasource.url=jdbc:h2:mem:agent-pages;DB_CLOSE_DELAY=-1")
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
        lateOrderFlow(new AgentWorkspace(driver, port).signInAs("ana", PASSWORD), "es", "Lo siento, eso no nos compete.", "eso no nos compete",
                "reembolzo", "reembolso");
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

    private void lateOrderFlow(AgentWorkspace page, String language, String draft, String phrase, String misspelt, String corrected) {
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
        page.replaceFirstViolation();
        page.waitForCleanDraft();
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
        assertThat(jdbc.sql("select section || '|' || locale || '|' || decision_id || '|' || reporter from suggestion where id = ?").param(id)
                .query(String.class).single()).isEqualTo("refunds|" + language + "|" + latest + "|" + page.driver.findElement(By.cssSelector(".who")).getText()
                .replaceAll(".* ", ""));
    }
}
