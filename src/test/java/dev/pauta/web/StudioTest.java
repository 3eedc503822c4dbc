package dev.pauta.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Fixture;
import dev.pauta.Http;
import dev.pauta.security.Accounts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The policy owners' studio in real browsers on the real service and the frozen fixture bundle: an editor changes the
 * GOLD coupon in both locales, validates (the scenarios that pinned the old number fail, each linked to its line, and
 * are fixed), replays the change on logged decisions, turns one into a scenario; a publisher publishes; agents get the
 * new number; a rollback restores the old one. Keyboard only, axe on every page and state.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:studio-pages;DB_CLOSE_DELAY=-1", "pauta.authoring.four-eyes=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudioTest {

    static final String PASSWORD = "a-long-password-1";
    static final int NEW_PERCENT = 20;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private final List<ChromeDriver> browsers = new java.util.ArrayList<>();

    @BeforeAll
    void people() {
        accounts.createUser("eva", PASSWORD, List.of("EDITOR"));
        accounts.createUser("pablo", PASSWORD, List.of("PUBLISHER"));
    }

    @AfterEach
    void quit() {
        browsers.forEach(ChromeDriver::quit);
        browsers.clear();
    }

    private ChromeDriver browser(String language) {
        ChromeDriver driver = Chromium.start(language);
        browsers.add(driver);
        return driver;
    }

    @Test
    void anEditorChangesTheGoldCouponAPublisherPublishesItAndARollbackRestoresIt() {
        String logged = logLateGoldOrder();
        Studio editor = new Studio(browser("en"), port).signInAs("eva", PASSWORD);
        Axe.check(editor.driver, "studio manual");
        editor.follow(By.cssSelector("tr[data-section='delay-compensation'] a"));
        assertThat(editor.driver.findElements(By.cssSelector(".side-by-side > section"))).hasSize(2);
        Axe.check(editor.driver, "studio section in both locales");
        editor.driver.get("http://localhost:" + port + "/studio");
        assertThat(editor.driver.findElements(By.cssSelector("tr[data-section='delay-compensation']"))).hasSize(1);
        editor.follow(By.cssSelector("a[href$='/studio/changes']"));
        Axe.check(editor.driver, "studio changes");
        long change = editor.createChange("GOLD customers get " + NEW_PERCENT + " % for short delays");
        Axe.check(editor.driver, "studio change");
        assertThat(editor.driver.findElements(By.id("publish-button"))).as("an EDITOR sees no publish").isEmpty();
        assertThat(post(editor.driver, "/studio/changes/" + change + "/publish", "message=mine")).as("nor may publish").isEqualTo(403);
        assertThat(post(editor.driver, "/studio/releases/1/rollback", "")).as("nor roll back").isEqualTo(403);

        editor.openDocument("manual/es/delay-compensation.md");
        editor.follow(By.cssSelector("a[data-table='delay-coupons']"));
        Axe.check(editor.driver, "studio table form");
        WebElement gold = editor.goldShortDelayPercent(Fixture.GOLD_COUPON);
        gold.sendKeys(Keys.chord(Keys.CONTROL, "a"), "veinte");
        editor.waiting().until(d -> !d.findElement(By.id(gold.getDomAttribute("aria-describedby"))).getText().isBlank());
        Axe.check(editor.driver, "studio table form with a cell problem");
        gold.sendKeys(Keys.chord(Keys.CONTROL, "a"), Integer.toString(NEW_PERCENT));
        editor.waiting().until(d -> d.findElement(By.id(gold.getDomAttribute("aria-describedby"))).getText().isBlank());
        editor.saveTable();
        for (String locale : List.of("es", "en")) {
            editor.driver.get("http://localhost:" + port + "/studio/changes/" + change + "/edit?path=manual/" + locale + "/delay-compensation.md");
            String newRow = Fixture.GOLD_COUPON_ROW.replace("| " + Fixture.GOLD_COUPON + " |", "| " + NEW_PERCENT + " |");
            assertThat(editor.editorText()).as("the %s table", locale).contains(newRow).doesNotContain(Fixture.GOLD_COUPON_ROW);
        }
        editor.driver.get("http://localhost:" + port + "/studio/changes/" + change);

        WebElement failed = editor.validate();
        assertThat(failed.getDomAttribute("data-ok")).isEqualTo("false");
        Axe.check(editor.driver, "studio validation with problems");
        List<WebElement> problems = editor.driver.findElements(By.cssSelector("#validation .problems a"));
        assertThat(problems).isNotEmpty().allMatch(a -> a.getText().startsWith("rules/tests/compensation.yaml:"));
        int line = Integer.parseInt(problems.get(0).getText().replaceAll(".*:", ""));
        editor.follow(By.cssSelector("#validation .problems a"));
        assertThat(editor.driver.findElement(By.id("caret-position")).getText()).startsWith("Line " + line + ",");
        for (String old : editor.editorText().lines().filter(l -> l.contains("percent: " + Fixture.GOLD_COUPON + " }")).toList()) {
            editor.replaceLine(old, old.replace("percent: " + Fixture.GOLD_COUPON + " }", "percent: " + NEW_PERCENT + " }"));
        }
        editor.save();
        editor.backToChange();
        assertThat(editor.validate().getDomAttribute("data-ok")).isEqualTo("true");

        WebElement impact = editor.replay();
        assertThat(Integer.parseInt(impact.getDomAttribute("data-changed"))).isPositive();
        WebElement example = editor.driver.findElement(By.cssSelector("[data-example='" + logged + "']"));
        assertThat(example.findElements(By.tagName("td")).get(0).getText()).contains("percent=" + Fixture.GOLD_COUPON);
        assertThat(example.findElements(By.tagName("td")).get(1).getText()).contains("percent=" + NEW_PERCENT);
        Axe.check(editor.driver, "studio impact");
        editor.turnIntoScenario(logged);
        assertThat(editor.validate().getDomAttribute("data-ok")).as("the new scenario passes").isEqualTo("true");

        editor.follow(By.cssSelector("a[href$='/diff']"));
        assertThat(editor.driver.findElements(By.cssSelector("tr.diff-change"))).isNotEmpty();
        Axe.check(editor.driver, "studio change diff");
        editor.driver.navigate().back();
        editor.requestReview();
        assertThat(editor.reviewState()).isEqualTo("IN_REVIEW");

        Studio publisher = new Studio(browser("es"), port).signInAs("pablo", PASSWORD);
        publisher.driver.get("http://localhost:" + port + "/studio/changes/" + change);
        Axe.check(publisher.driver, "studio change in review (es)");
        publisher.approve("Revisado con operaciones");
        assertThat(publisher.reviewState()).isEqualTo("APPROVED");
        publisher.publish("El cupón GOLD sube al " + NEW_PERCENT + " %");
        int published = publisher.madeRelease();
        Axe.check(publisher.driver, "studio releases");
        assertThat(agentCoupon(publisher)).isEqualTo(NEW_PERCENT + " %|" + published);

        publisher.driver.get("http://localhost:" + port + "/studio/releases");
        publisher.follow(By.cssSelector("[data-release='" + (published - 1) + "'] a[href$='/rollback']"));
        Axe.check(publisher.driver, "studio rollback confirmation (es)");
        publisher.confirmRollback();
        int restored = publisher.madeRelease();
        assertThat(restored).isGreaterThan(published);
        assertThat(agentCoupon(publisher)).isEqualTo(Fixture.GOLD_COUPON + " %|" + restored);
    }

    @Test
    void withFourEyesTheAuthorCannotPublishTheirOwnChangeNotEvenByACraftedRequest() {
        Studio publisher = new Studio(browser("en"), port).signInAs("pablo", PASSWORD);
        publisher.follow(By.cssSelector("a[href$='/studio/changes']"));
        long own = publisher.createChange("My own change");
        publisher.openDocument("manual/en/faq.md");
        String line = publisher.editorText().lines().filter(l -> l.startsWith("## ")).findFirst().orElseThrow();
        publisher.replaceLine(line, line + " (edited)");
        publisher.save();
        publisher.backToChange();
        assertThat(publisher.driver.findElements(By.id("publish-button"))).isEmpty();
        assertThat(publisher.driver.findElement(By.cssSelector("section[aria-labelledby='publish-heading'] .notice")).getText()).isNotBlank();
        assertThat(post(publisher.driver, "/studio/changes/" + own + "/publish", "message=mine")).isEqualTo(403);
        Axe.check(publisher.driver, "studio own change with four eyes");
    }

    @Test
    void aStaleSaveShowsBothVersionsAndLosesNeither() {
        Studio first = new Studio(browser("en"), port).signInAs("eva", PASSWORD);
        first.follow(By.cssSelector("a[href$='/studio/changes']"));
        long change = first.createChange("Two editors, one document");
        first.openDocument("manual/en/faq.md");
        Studio second = new Studio(browser("en"), port).signInAs("pablo", PASSWORD);
        second.driver.get(first.driver.getCurrentUrl());
        second.waiting().until(d -> !second.editorText().isEmpty());

        String faqLine = first.editorText().lines().filter(l -> l.startsWith("## ")).findFirst().orElseThrow();
        first.replaceLine(faqLine, faqLine + " (first)");
        first.save();
        second.replaceLine(faqLine, faqLine + " (second)");
        second.save();

        WebElement stale = second.driver.findElement(By.cssSelector("[data-stale]"));
        assertThat(stale.getDomAttribute("role")).isEqualTo("alert");
        assertThat(second.editorText()).contains(faqLine + " (second)");
        assertThat(second.driver.findElement(By.id("theirs")).getDomProperty("value")).contains(faqLine + " (first)");
        Axe.check(second.driver, "studio stale save");
        second.save();
        assertThat(second.editorText()).contains(faqLine + " (second)").doesNotContain(faqLine + " (first)");
        assertThat(change).isPositive();
    }

    /** Sends a form from the page with its session and CSRF token, as a crafted request would, and returns the status. */
    private static int post(ChromeDriver driver, String path, String body) {
        Object status = driver.executeAsyncScript("var done = arguments[arguments.length - 1]; var h = {};"
                + "h['Content-Type'] = 'application/x-www-form-urlencoded';"
                + "h[document.querySelector('meta[name=csrf-header]').content] = document.querySelector('meta[name=csrf-token]').content;"
                + "fetch(arguments[0], {method: 'POST', headers: h, body: arguments[1], redirect: 'manual'}).then(r => done(r.status));", path, body);
        return ((Number) status).intValue();
    }

    /** A logged decision for a GOLD customer 4 days late, on the first release, for the impact to replay. */
    private String logLateGoldOrder() {
        Http.Reply decided = Http.admin(port).post("/api/v1/guidance", Map.of("locale", "en", "channel", "PHONE", "intent", "ORDER_DELAYED",
                "customer", Map.of("id", "C-" + UUID.randomUUID(), "tier", "GOLD"), "order", Map.of("delayDays", 4)));
        assertThat(decided.status()).isEqualTo(200);
        return decided.body().get("decisionId").asString();
    }

    /** What the agent workspace offers a GOLD customer 4 days late, as "N %|release". */
    private String agentCoupon(Studio studio) {
        ChromeDriver driver = studio.driver;
        driver.get("http://localhost:" + port + "/agent");
        AgentWorkspace agent = new AgentWorkspace(driver, port);
        agent.describeLateOrder(4, "C-" + UUID.randomUUID());
        agent.askForGuidance();
        String params = agent.card("DELAY_COUPON").findElement(By.cssSelector(".params")).getText();
        String release = driver.findElement(By.cssSelector(".decision-meta .release")).getText().replaceAll("\\D", "");
        return params.replaceAll(".*?(\\d+ %).*", "$1") + "|" + release;
    }
}
