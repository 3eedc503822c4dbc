package dev.pauta.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** axe-core on the page as it is now: no serious or critical violation of the WCAG 2.0, 2.1 and 2.2 A and AA rules. */
final class Axe {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private Axe() {
    }

    /** Checks the page and keeps a screenshot of the state checked under target/screenshots. */
    static void check(WebDriver driver, String state) {
        if (driver instanceof org.openqa.selenium.chrome.ChromeDriver chrome) {
            Chromium.screenshot(chrome, "axe-" + state.replaceAll("[^A-Za-z0-9]+", "-"));
        }
        Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
        assertThat(results.isErrored()).as("axe ran on " + state).isFalse();
        List<Rule> serious = results.getViolations().stream().filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(serious).as("axe on %s: %s", state, serious.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
    }
}
