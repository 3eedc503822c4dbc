package dev.pauta.web;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent workspace as a person at a keyboard uses it: every step reaches its control with Tab (or a shortcut) and
 * acts with keys, never a click, so a control the keyboard cannot reach fails the test. Holds the page's selectors.
 */
final class AgentWorkspace {

    private static final int MOST_TABS = 600;

    final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    AgentWorkspace(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    AgentWorkspace signInAs(String username, String password) {
        signInAt("/agent", By.id("situation-form"), username, password);
        return this;
    }

    /** Opens {@code path}, signs in on the form it is sent to, and waits for {@code landed} on the page it comes back to. */
    void signInAt(String path, By landed, String username, String password) {
        driver.get(base + path);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        tabTo(By.id("username")).sendKeys(username);
        tabTo(By.id("password")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(landed));
    }

    /** Presses Tab until {@code target} has the focus: proof that the keyboard reaches it, in page order. */
    WebElement tabTo(By target) {
        return tabTo(wait.until(ExpectedConditions.presenceOfElementLocated(target)));
    }

    WebElement tabTo(WebElement wanted) {
        for (int i = 0; i < MOST_TABS; i++) {
            WebElement focused = driver.switchTo().activeElement();
            if (wanted.equals(focused)) {
                return wanted;
            }
            // Shift+Tab when the target comes earlier in the page, as a person would go back rather than round
            Object before = driver.executeScript("return (arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_PRECEDING) !== 0"
                    + " && arguments[0] !== document.body", focused, wanted);
            focused.sendKeys(Boolean.TRUE.equals(before) ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + wanted);
    }

    void press(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    /** Chooses the option with this code by typing its label into the focused list, as a person does. */
    void choose(String selectId, String code) {
        WebElement select = tabTo(By.id(selectId));
        String label = select.findElement(By.cssSelector("option[value='" + code + "']")).getText();
        select.sendKeys(label);
        wait.until(d -> code.equals(select.getDomProperty("value")));
    }

    void type(String fieldId, String text) {
        WebElement field = tabTo(By.id(fieldId));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    void tick(String name, String code) {
        WebElement box = tabTo(By.cssSelector("input[name='" + name + "'][value='" + code + "']"));
        if (!box.isSelected()) {
            box.sendKeys(Keys.SPACE);
        }
    }

    /** A late order of an elderly GOLD customer on the phone, with a customer id so caps apply to them. */
    void describeLateOrder(int daysLate, String customerId) {
        choose("f-channel", "PHONE");
        choose("f-intent", "ORDER_DELAYED");
        choose("f-tier", "GOLD");
        tick("specialNeeds", "ELDERLY");
        type("f-delayDays", Integer.toString(daysLate));
        type("f-customerId", customerId);
    }

    /** Ctrl+Enter from wherever the focus is, then waits for this answer's cards (a new decision id). */
    void askForGuidance() {
        String before = decisionId();
        press(Keys.chord(Keys.CONTROL, Keys.ENTER));
        wait.until(d -> {
            String now = decisionId();
            return now != null && !now.equals(before);
        });
    }

    /** Read in one step, since the answer may be swapped in between finding the element and reading it. */
    String decisionId() {
        return (String) driver.executeScript("var id = document.getElementById('decision-id'); return id ? id.textContent.trim() : null;");
    }

    WebElement card(String code) {
        return driver.findElement(By.cssSelector("#guidance-panel [data-code='" + code + "']"));
    }

    List<String> cardCodes() {
        return driver.findElements(By.cssSelector("#guidance-panel .card")).stream().map(c -> c.getDomAttribute("data-code")).toList();
    }

    List<String> heldBack() {
        return driver.findElements(By.cssSelector("#guidance-panel [data-held]")).stream().map(h -> h.getDomAttribute("data-held")).toList();
    }

    String announced() {
        return driver.findElement(By.id("live-announce")).getDomProperty("textContent");
    }

    /** Presses the card's "Customer accepted" (or "Used") button with Enter and waits for what the server recorded. */
    WebElement accept(String code) {
        tabTo(By.cssSelector("[data-code='" + code + "'] button.used")).sendKeys(Keys.ENTER);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-code='" + code + "'] .notice")));
    }

    void typeDraft(String text) {
        type("draft", text);
    }

    List<WebElement> violations() {
        return driver.findElements(By.cssSelector("#draft-result [data-violation]"));
    }

    WebElement waitForViolation(String phrase) {
        return wait.until(d -> d.findElements(By.cssSelector("#draft-result mark")).stream().filter(m -> m.getText().equalsIgnoreCase(phrase)).findFirst()
                .orElse(null));
    }

    /** Presses Replace on the problem that flags {@code phrase}. */
    void replace(String phrase) {
        WebElement button = wait.until(d -> d.findElements(By.cssSelector("#draft-result li[data-violation]")).stream()
                .filter(li -> li.findElements(By.cssSelector(".phrase")).stream().anyMatch(p -> p.getText().equalsIgnoreCase(phrase)))
                .flatMap(li -> li.findElements(By.cssSelector("button.replace")).stream()).findFirst().orElse(null));
        tabTo(button).sendKeys(Keys.ENTER);
    }

    String draft() {
        return driver.findElement(By.id("draft")).getDomProperty("value");
    }

    /** Waits for the check of the draft as it now reads to no longer mark {@code phrase} (other checks, such as the register's, may remain). */
    void waitUntilNotFlagged(String phrase) {
        wait.until(d -> !draft().toLowerCase().contains(phrase.toLowerCase())
                && d.findElements(By.cssSelector("#draft-result .check-summary")).size() == 1
                && d.findElements(By.cssSelector("#draft-result mark")).stream().noneMatch(m -> m.getText().equalsIgnoreCase(phrase))
                && d.findElements(By.cssSelector("#draft-result [data-violation] .phrase")).stream().noneMatch(p -> p.getText().equalsIgnoreCase(phrase)));
    }

    /** The `/` shortcut from outside a field, then the words; waits for the results of exactly these words. */
    void search(String words) {
        tabTo(By.id("ask-guidance"));
        press("/");
        wait.until(d -> "search-q".equals(d.switchTo().activeElement().getDomAttribute("id")));
        press(words);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results .search-count")));
    }

    String suggestion() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results .suggested"))).getText();
    }

    /** Opens a hit of the results with Enter and waits for the reader to show that section. */
    WebElement open(String sectionId) {
        tabTo(By.cssSelector("#search-results a[data-section='" + sectionId + "']")).sendKeys(Keys.ENTER);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#section-reader article[data-section='" + sectionId + "']")));
    }

    /** Opens the cited section of a card with Enter. */
    WebElement openCited(String code, String sectionTitle) {
        tabTo(By.xpath("//li[@data-code='" + code + "']//p[@class='cites']/a[normalize-space()='" + sectionTitle + "']")).sendKeys(Keys.ENTER);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#section-reader article.reader")));
    }

    WebElement reportProblem(String text) {
        tabTo(By.cssSelector("#section-reader details.report summary")).sendKeys(Keys.ENTER);
        type("report-text", text);
        press(Keys.TAB);
        press(Keys.ENTER);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#section-reader [data-suggestion]")));
    }

    void switchLanguage(String language) {
        WebElement select = tabTo(By.id("language-choice"));
        String label = select.findElement(By.cssSelector("option[value='" + language + "']")).getText();
        select.sendKeys(label);
        press(Keys.TAB);
        press(Keys.ENTER);
        wait.until(d -> language.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    void reload() {
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("situation-form")));
    }

    WebDriverWait waiting() {
        return wait;
    }
}
