package dev.pauta.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableMarkdownTest {

    static final String PATH = "manual/en/coupons.md";
    static final String DOCUMENT = """
            ---
            id: coupons
            title: Coupons
            kind: policy
            locale: en
            channels: [ALL]
            tags: [coupon]
            owner: operations
            reviewBy: 2027-01-31
            ---
            # Coupons

            <!-- table: delay-coupons -->
            | From (days) `minDays` | Tier `tier` | Coupon (%) `percent` |
            |:---|---|--:|
            | 3 | `GOLD` | **12** |
            | 7  |  VIP | 25 |

            Text after the table.

            <!-- table: empty -->
            | Code `code` | Label `label` |
            | --- | --- |
            """;

    static TableMarkdown table(String content, String name) {
        return TableMarkdown.read(PATH, content, name).orElseThrow();
    }

    @Test
    void aTableReadsAsColumnsWithTheirLabelsAndRowsAsTheEngineReadsThem() {
        TableMarkdown coupons = table(DOCUMENT, "delay-coupons");

        assertThat(coupons.columns()).containsExactly(new TableMarkdown.Column("minDays", "From (days)"), new TableMarkdown.Column("tier", "Tier"),
                new TableMarkdown.Column("percent", "Coupon (%)"));
        assertThat(coupons.rows()).containsExactly(Map.of("minDays", "3", "tier", "GOLD", "percent", "12"), Map.of("minDays", "7", "tier", "VIP", "percent", "25"));
        assertThat(coupons.line()).isEqualTo(14);
        assertThat(TableMarkdown.names(PATH, DOCUMENT)).containsExactly("delay-coupons", "empty");
        assertThat(TableMarkdown.read(PATH, DOCUMENT, "no-such-table")).isEmpty();
    }

    @Test
    void onlyTheChangedRowIsWrittenAnewAndEveryOtherByteStays() {
        String written = table(DOCUMENT, "delay-coupons").withRows(List.of(List.of("3", "GOLD", "20"), List.of("7", "VIP", "25")));

        assertThat(written).isEqualTo(DOCUMENT.replace("| 3 | `GOLD` | **12** |", "| 3 | `GOLD` | 20 |"));
    }

    @Test
    void rowsAddedToAnEmptyTableAndMovedRowsKeepTheirLinesAndTheDocumentsLineEndings() {
        String crlf = DOCUMENT.replace("\n", "\r\n");

        String added = table(crlf, "empty").withRows(List.of(List.of("A", "First"), List.of("B", "Second")));
        String moved = table(crlf, "delay-coupons").withRows(List.of(List.of("7", "VIP", "25"), List.of("3", "GOLD", "12")));

        assertThat(added).isEqualTo(crlf.replace("| --- | --- |\r\n", "| --- | --- |\r\n| A | First |\r\n| B | Second |\r\n"));
        assertThat(moved).isEqualTo(crlf.replace("| 3 | `GOLD` | **12** |\r\n| 7  |  VIP | 25 |", "| 7  |  VIP | 25 |\r\n| 3 | `GOLD` | **12** |"));
        assertThat(table(moved, "delay-coupons").withRows(List.of())).isEqualTo(crlf.replace("| 3 | `GOLD` | **12** |\r\n| 7  |  VIP | 25 |\r\n", ""));
    }

    @Test
    void aCellThatWouldSplitTheRowOrReadBackDifferentlyIsRefused() {
        TableMarkdown coupons = table(DOCUMENT, "delay-coupons");

        assertThatThrownBy(() -> coupons.withRows(List.of(List.of("3", "GO|LD", "12")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'|'");
        assertThatThrownBy(() -> coupons.withRows(List.of(List.of("3", "GOLD")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 cells");
        assertThat(TableMarkdown.cellProblem("two\nlines")).get().asString().contains("one line");
    }
}
