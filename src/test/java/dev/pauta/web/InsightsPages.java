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
 * The insights pages as a policy owner at a keyboard uses them: links, lists and buttons reached with Tab (or Shift+Tab)
 * and used with keys, never a click. Holds the pages' selectors.
 */
final class InsightsPages {

    final ChromeDriver driver;
    private final AgentWorkspace keys;
    private final WebDriverWait wait;

    InsightsPages(ChromeDriver driver, int port) {
        this.driver = driver;
        this.keys = new AgentWorkspace(driver, port);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    InsightsPages signInAs(String username, String password) {
        keys.signInAt("/insights", By.cssSelector(".insights-main h1"), username, password);
        return this;
    }

    /** Tab (or Shift+Tab) until {@code target} has the focus, as the agent workspace's page object does it. */
    WebElement tabTo(By target) {
        return keys.tabTo(target);
    }

    void press(CharSequence... pressed) {
        keys.press(pressed);
    }

    /** Follows the link of the insights' own navigation to {@code path} with Enter, and waits for its page. */
    void open(String path) {
        tabTo(By.cssSelector(".subnav a[href='" + path + "']")).sendKeys(Keys.ENTER);
        try {
            wait.until(d -> path.equals(driver.executeScript("return location.pathname;"))
                    && !d.findElements(By.cssSelector(".subnav a[aria-current='page'][href='" + path + "']")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the page " + path + " did not open; the browser shows: " + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    String heading() {
        return driver.findElement(By.cssSelector(".insights-main h1")).getText();
    }

    /** The cell of the row whose first cell reads {@code row}, in the column headed {@code column}, as shown. */
    String cell(String table, String row, String column) {
        WebElement data = driver.findElement(By.cssSelector("table[data-table='" + table + "']"));
        List<String> headings = data.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
        int index = headings.indexOf(column);
        if (index < 0) {
            throw new AssertionError("no column '" + column + "' in " + headings);
        }
        for (WebElement tr : data.findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = tr.findElements(By.cssSelector("th, td"));
            if (!cells.isEmpty() && cells.get(0).getText().equals(row)) {
                return cells.get(index).getText();
            }
        }
        throw new AssertionError("no row '" + row + "' in table " + table);
    }

    /** Chooses the option with this code by typing its label into the focused list, as a person does. */
    void choose(String selectId, String code) {
        WebElement select = tabTo(By.id(selectId));
        String label = select.findElement(By.cssSelector("option[value='" + code + "']")).getText();
        select.sendKeys(label);
        wait.until(d -> code.equals(select.getDomProperty("value")));
    }

    /** Submits the filters with the Apply button, by Enter, and waits for the page they ask for. */
    void applyFilters() {
        String before = (String) driver.executeScript("return location.href;");
        tabTo(By.cssSelector("form.filters button[type='submit']")).sendKeys(Keys.ENTER);
        wait.until(d -> !before.equals(d.getCurrentUrl()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".insights-main h1")));
    }

    String csvLink(String table) {
        return driver.findElement(By.cssSelector("a[data-csv='" + table + "']")).getDomProperty("href");
    }

    String sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    WebElement accept(long report) {
        tabTo(By.cssSelector("button[data-accept='" + report + "']")).sendKeys(Keys.ENTER);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-inbox-done]")));
    }

    WebElement decline(long report, String reply) {
        WebElement field = tabTo(By.id("reply-" + report));
        field.sendKeys(reply);
        tabTo(By.cssSelector("button[data-decline='" + report + "']")).sendKeys(Keys.ENTER);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-inbox-done], [data-inbox-failed]")));
    }

    void switchLanguage(String language) {
        WebElement select = tabTo(By.id("language-choice"));
        String label = select.findElement(By.cssSelector("option[value='" + language + "']")).getText();
        select.sendKeys(label);
        press(Keys.TAB);
        press(Keys.ENTER);
        wait.until(d -> language.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    WebDriverWait waiting() {
        return wait;
    }
}
