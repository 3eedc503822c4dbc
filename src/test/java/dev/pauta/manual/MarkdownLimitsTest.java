package dev.pauta.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MarkdownLimitsTest {

    private static final String PATH = "manual/en/values.md";
    private static final String FRONT_MATTER = """
            ---
            id: values
            title: Values
            kind: foundation
            locale: en
            channels: [ALL]
            tags: [values]
            owner: service
            reviewBy: 2027-06-30
            ---
            # Values

            Some words.

            """;
    /** The hostile body starts on this line of the file. */
    private static final int BODY_LINE = 15;

    static List<String> tooDeep() {
        return List.of(
                ">".repeat(3_000) + " nested quotes",
                "> ".repeat(3_000) + "nested quotes with spaces",
                "- ".repeat(3_000) + "nested list items on one line",
                "1. ".repeat(3_000) + "nested numbered items",
                "*".repeat(3_000) + "emphasis" + "*".repeat(3_000),
                "*a ".repeat(3_000) + "alternating emphasis" + " a*".repeat(3_000),
                IntStream.range(0, 300).mapToObj(i -> " ".repeat(2 * i) + "- item").collect(Collectors.joining("\n")));
    }

    private static List<Problem> read(String body) {
        return new ManualReader().read(new Bundle(Map.of(PATH, FRONT_MATTER + body + "\n"))).problems();
    }

    @ParameterizedTest
    @MethodSource("tooDeep")
    void nestingDeeperThanFiftyLevelsIsAProblemAtItsFileAndLine(String body) {
        List<Problem> problems = read(body);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(PATH);
            assertThat(p.line()).isGreaterThanOrEqualTo(BODY_LINE);
            assertThat(p.message()).contains("more than 50 levels");
            assertThat(p.hint()).isNotBlank();
        });
    }

    @ParameterizedTest
    @MethodSource("tooDeep")
    void aSmallStackDecidesExactlyAsTheMainThreadDoes(String body) throws Exception {
        AtomicReference<List<Problem>> onSmallStack = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(null, () -> {
            try {
                onSmallStack.set(read(body));
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        done.get();

        assertThat(onSmallStack.get()).isEqualTo(read(body));
    }

    @Test
    void ordinaryNestingIsReadAndRenderedOnce() {
        String body = "> quoted\n>\n> - a list in a quote\n>   - nested **strong _and emphasised_** words\n\n" + ">".repeat(10) + " ten levels\n";

        ManualReader.Result result = new ManualReader().read(new Bundle(Map.of(PATH, FRONT_MATTER + body)));

        assertThat(result.problems()).isEmpty();
        Section section = result.manual().section("en", "values").orElseThrow();
        assertThat(section.html()).contains("<blockquote>").contains("<strong>strong <em>and emphasised</em></strong>");
    }

    @Test
    void renderedHtmlIsSanitized() {
        String body = "<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>\n";

        Section section = new ManualReader().read(new Bundle(Map.of(PATH, FRONT_MATTER + body))).manual().section("en", "values").orElseThrow();

        assertThat(section.html()).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("onerror");
    }
}
