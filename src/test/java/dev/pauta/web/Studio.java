package dev.pauta.web;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The studio as a policy owner at a keyboard uses it: Tab to reach, keys to act, never a click. Holds the studio's selectors. */
final class Studio {

    final ChromeDriver driver;
    final AgentWorkspace keys;
    private final WebDriverWait wait;

    Studio(ChromeDriver driver, int port) {
        this.driver = driver;
        this.keys = new AgentWorkspace(driver, port);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    Studio signInAs(String username, String password) {
        keys.signInAt("/studio", By.cssSelector("nav.tabs"), username, password);
        return this;
    }

    void follow(By link) {
        String before = driver.getCurrentUrl();
        keys.tabTo(link).sendKeys(Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().equals(before));
    }

    long createChange(String title) {
        keys.type("change-title", title);
        keys.press(Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches(".*/studio/changes/\\d+$"));
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Chooses a document in the change page's list and opens it in the editor. */
    void openDocument(String path) {
        WebElement select = keys.tabTo(By.id("edit-path"));
        select.sendKeys(path);
        wait.until(d -> path.equals(select.getDomProperty("value")));
        keys.press(Keys.TAB);
        keys.press(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
    }

    String editorText() {
        return driver.findElement(By.id("content")).getDomProperty("value");
    }

    /**
     * Replaces one line of the editor as a person does: to the top, down to the line, select it, type the new one. The
     * editor does not wrap, so each arrow press is one line of the file.
     */
    void replaceLine(String oldLine, String newLine) {
        List<String> lines = editorText().lines().toList();
        int index = lines.indexOf(oldLine);
        if (index < 0) {
            throw new AssertionError("the editor has no line '" + oldLine + "'");
        }
        WebElement editor = keys.tabTo(By.id("content"));
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
        for (int i = 0; i < index; i++) {
            editor.sendKeys(Keys.ARROW_DOWN);
        }
        editor.sendKeys(Keys.HOME, Keys.chord(Keys.SHIFT, Keys.END));
        editor.sendKeys(newLine);
    }

    void save() {
        keys.tabTo(By.id("save-button")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("saved"), ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-stale]"))));
    }

    void backToChange() {
        follow(By.xpath("//main//p/a[starts-with(normalize-space(), '←')]"));
    }

    WebElement validate() {
        keys.tabTo(By.id("validate-button")).sendKeys(Keys.ENTER);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#validation [data-validation]")));
    }

    WebElement replay() {
        keys.tabTo(By.id("impact-button")).sendKeys(Keys.ENTER);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#impact [data-impact]")));
    }

    WebElement turnIntoScenario(String decisionId) {
        keys.tabTo(By.cssSelector("[data-example='" + decisionId + "'] button")).sendKeys(Keys.ENTER);
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-example='" + decisionId + "'] [data-scenario-added]")));
    }

    void publish(String message) {
        keys.type("publish-message", message);
        keys.press(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/studio/releases?made="));
    }

    int madeRelease() {
        String url = driver.getCurrentUrl();
        return Integer.parseInt(url.substring(url.indexOf("made=") + 5));
    }

    void confirmRollback() {
        keys.tabTo(By.id("confirm-rollback")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/studio/releases?made="));
    }

    /** The percent cell of the fixture's GOLD short-delay row in the table form. */
    WebElement goldShortDelayPercent(int percent) {
        for (WebElement row : driver.findElements(By.cssSelector("#table-form tbody tr"))) {
            String index = row.getDomAttribute("data-row");
            String tier = row.findElement(By.name("r" + index + ".tier")).getDomProperty("value");
            WebElement cell = row.findElement(By.name("r" + index + ".percent"));
            if ("GOLD".equals(tier) && Integer.toString(percent).equals(cell.getDomProperty("value"))) {
                return keys.tabTo(By.name("r" + index + ".percent"));
            }
        }
        throw new AssertionError("no GOLD row at " + percent + " %");
    }

    void saveTable() {
        keys.tabTo(By.id("save-table")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("saved"));
    }

    void requestReview() {
        keys.tabTo(By.id("request-review")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("reviewRequested"));
    }

    void approve(String comment) {
        keys.type("approve-comment", comment);
        keys.tabTo(By.id("approve")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("approved"));
    }

    String reviewState() {
        return driver.findElement(By.cssSelector("[data-review-state]")).getDomAttribute("data-state");
    }

    WebDriverWait waiting() {
        return wait;
    }
}
