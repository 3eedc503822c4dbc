package dev.pauta.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManualReaderTest {

    private static final String GOOD = """
            ---
            id: delay-compensation
            title: Late orders
            kind: policy
            locale: en
            channels: [PHONE, EMAIL]
            tags: [late, coupon]
            owner: operations
            reviewBy: 2027-06-30
            ---
            # Late orders

            Some words.

            ## Coupons

            <!-- table: delay-coupons -->
            | From (days) `minDays` | To `maxDays` | Tier `tier` | Percent `percent` |
            | --- | --- | --- | --- |
            | 2 | 4 | STANDARD | 5 |
            | 5 | 9 | **GOLD** | 15 |
            """;

    private final ManualReader reader = new ManualReader();

    @Test
    void readsFrontMatterHeadingsAndPolicyTablesWithTheirLines() {
        ManualReader.Result result = reader.read(new Bundle(Map.of("manual/en/delay-compensation.md", GOOD)));

        assertThat(result.problems()).isEmpty();
        Section section = result.manual().section("en", "delay-compensation").orElseThrow();
        assertThat(section.channels()).containsExactly("PHONE", "EMAIL");
        assertThat(section.reviewBy()).hasToString("2027-06-30");
        assertThat(section.headings()).extracting(Heading::anchor).containsExactly("late-orders", "coupons");
        PolicyTable table = section.tables().get("delay-coupons");
        assertThat(table.columns()).containsExactly("minDays", "maxDays", "tier", "percent");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(1).text("tier")).isEqualTo("GOLD");
        assertThat(table.rows().get(1).number("percent")).isEqualByComparingTo("15");
        assertThat(table.rows().get(1).line()).isEqualTo(21);
    }

    @Test
    void aMissingFieldIsReportedAtItsFileWithAHint() {
        String noOwner = GOOD.replace("owner: operations\n", "");
        ManualReader.Result result = reader.read(new Bundle(Map.of("manual/en/delay-compensation.md", noOwner)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("manual/en/delay-compensation.md");
            assertThat(p.message()).contains("owner");
            assertThat(p.hint()).contains("owner:");
        });
    }

    @Test
    void badYamlIsReportedWithItsLine() {
        String broken = GOOD.replace("tags: [late, coupon]", "tags: [late, coupon");
        ManualReader.Result result = reader.read(new Bundle(Map.of("manual/en/delay-compensation.md", broken)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("not valid YAML");
            assertThat(p.line()).isGreaterThan(1);
        });
    }

    @Test
    void aRaggedTableRowIsReported() {
        String ragged = GOOD.replace("| 2 | 4 | STANDARD | 5 |", "| 2 | 4 | STANDARD |");
        ManualReader.Result result = reader.read(new Bundle(Map.of("manual/en/delay-compensation.md", ragged)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(20);
            assertThat(p.message()).contains("3 cells").contains("4");
        });
    }

    @Test
    void aSectionInOneLocaleOnlyIsReported() {
        ManualReader.Result result = reader.read(new Bundle(Map.of(
                "manual/en/delay-compensation.md", GOOD,
                "manual/es/values.md", GOOD.replace("delay-compensation", "values").replace("locale: en", "locale: es"))));

        assertThat(result.problems()).extracting(Problem::message)
                .anyMatch(m -> m.contains("'values' exists in 'es' but not in 'en'"))
                .anyMatch(m -> m.contains("'delay-compensation' exists in 'en' but not in 'es'"));
    }

    @Test
    void aLinkToAMissingSectionIsReported() {
        String linked = GOOD.replace("Some words.", "See [refunds](refunds).");
        ManualReader.Result result = reader.read(new Bundle(Map.of("manual/en/delay-compensation.md", linked)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("'refunds'");
        });
    }

    @Test
    void aWrongFieldIsReportedAtItsOwnLineHoweverItIsWritten() {
        String quoted = GOOD.replace("kind: policy", "\"kind\": polizy");
        ManualReader.Result result = reader.read(new Bundle(Map.of("manual/en/delay-compensation.md", quoted)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("unknown kind 'polizy'");
        });
    }

    @Test
    void aFieldGivenTwiceIsReportedAtItsSecondLine() {
        String twice = GOOD.replace("owner: operations", "owner: operations\nid: other-id");
        ManualReader.Result result = reader.read(new Bundle(Map.of("manual/en/delay-compensation.md", twice)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("'id' appears twice");
        });
    }

    @Test
    void aListOrMappingWhereOneValueOrAWordBelongsIsReportedAtItsLine() {
        String listTitle = GOOD.replace("title: Late orders", "title: [Late, orders]");
        String nestedTag = GOOD.replace("tags: [late, coupon]", "tags:\n  - late\n  - [coupon, voucher]");

        assertThat(reader.read(new Bundle(Map.of("manual/en/delay-compensation.md", listTitle))).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("'title' holds a list");
        });
        assertThat(reader.read(new Bundle(Map.of("manual/en/delay-compensation.md", nestedTag))).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("'tags' holds a list");
        });
    }

    @Test
    void theReviewDateIsTheDateWrittenInAnyTimeZone() {
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            ManualReader.Result result = reader.read(new Bundle(Map.of("manual/en/delay-compensation.md", GOOD)));

            assertThat(result.manual().section("en", "delay-compensation").orElseThrow().reviewBy()).hasToString("2027-06-30");
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
    }
}
