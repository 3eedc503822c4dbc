package dev.pauta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.guidance.BundleValidator;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.PolicyTable;
import dev.pauta.manual.Problem;
import dev.pauta.manual.Release;
import dev.pauta.manual.TableRow;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixture bundle the engine and API tests run on is a valid release, its scenarios fire every rule, and {@link Fixture} states its numbers. */
class FixtureBundleTest {

    @Test
    void theFixtureValidatesAndItsScenariosPassAndFireEveryRule() {
        Bundle bundle = Bundle.fromFolder(TestBundles.fixture());

        BundleValidator.Result result = new BundleValidator(new SnapshotCompiler(1000)).validate(bundle, new Release(0, bundle.hash(), null, null, null), true);

        assertThat(result.problems()).extracting(Problem::describe).isEmpty();
        assertThat(result.scenariosFailed()).isZero();
        assertThat(result.scenariosPassed()).isPositive();
        assertThat(result.rulesNeverFired()).isEmpty();
    }

    @Test
    void theNumbersTestsAssertAreTheOnesItsTablesState() throws IOException {
        for (String locale : List.of("es", "en")) {
            TableRow gold = table(locale, "delay-coupons").rows().stream()
                    .filter(r -> r.text("tier").equals("GOLD") && r.number("minDays").intValue() <= 6 && r.number("maxDays").intValue() >= 6)
                    .findFirst().orElseThrow();
            assertThat(gold.number("percent").intValue()).isEqualTo(Fixture.GOLD_COUPON);
            TableRow cap = table(locale, "coupon-limits").rows().get(0);
            assertThat(cap.number("maxPerWindow").intValue()).isEqualTo(Fixture.CAP_PER_WINDOW);
            assertThat(cap.number("windowDays").intValue()).isEqualTo(Fixture.CAP_WINDOW_DAYS);
            assertThat(table(locale, "response-targets").rows().get(0).number("hours").intValue()).isEqualTo(Fixture.EMAIL_HOURS);
            assertThat(Files.readString(TestBundles.fixture().resolve("manual/" + locale + "/delay-compensation.md"))).contains(Fixture.GOLD_COUPON_ROW);
            assertThat(Files.readString(TestBundles.fixture().resolve("manual/" + locale + "/email-protocol.md"))).contains(Fixture.EMAIL_HOURS_ROW);
            assertThat(table(locale, "settings").rows()).anySatisfy(r -> {
                assertThat(r.text("setting")).isEqualTo("company");
                assertThat(r.text("value")).isEqualTo(Fixture.COMPANY);
            });
        }
    }

    private static PolicyTable table(String locale, String name) {
        return Fixture.snapshot().manual().table(locale, name).orElseThrow();
    }
}
