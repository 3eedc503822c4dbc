package dev.pauta.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.manual.Bundle;
import dev.pauta.manual.ManualReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionFieldsTest {

    static final String SECTION = """
            ---
            id: refunds
            title: Refunds
            kind: policy
            locale: en
            # who answers for it
            channels: [ALL]
            tags: [refund, money back]
            owner: finance
            reviewBy: 2027-06-30
            ---
            # Refunds

            Body text.
            """;

    @Test
    void fieldsAreReadFromTheFrontMatterAndTheBodyIsKeptApart() {
        SectionFields fields = SectionFields.read(SECTION).orElseThrow();
        assertThat(fields.title()).isEqualTo("Refunds");
        assertThat(fields.tags()).isEqualTo("refund, money back");
        assertThat(fields.reviewBy()).isEqualTo("2027-06-30");
        assertThat(fields.body()).isEqualTo("# Refunds\n\nBody text.\n");
    }

    @Test
    void writingBackChangesOnlyTheEditedLinesAndKeepsCommentsAndOtherKeys() {
        SectionFields fields = SectionFields.read(SECTION).orElseThrow();
        String written = new SectionFields("Refunds and returns", "policy", "PHONE, EMAIL", "refund, return", "finance", "2027-12-31", fields.body())
                .writeInto(SECTION);
        assertThat(written).isEqualTo(SECTION.replace("title: Refunds\n", "title: Refunds and returns\n").replace("[ALL]", "[PHONE, EMAIL]")
                .replace("[refund, money back]", "[refund, return]").replace("2027-06-30", "2027-12-31"));
    }

    @Test
    void aTitleThatLooksLikeYamlOrAFenceStaysOneTitle() {
        SectionFields fields = SectionFields.read(SECTION).orElseThrow();
        String hostile = "Refunds: \"all\"\n---\nid: hijacked";
        String written = new SectionFields(hostile, "policy", "ALL", "refund", "finance", "2027-06-30", fields.body()).writeInto(SECTION);
        ManualReader.Result read = new ManualReader().read(new Bundle(Map.of("manual/en/refunds.md", written)));
        assertThat(read.manual().section("en", "refunds")).hasValueSatisfying(s -> assertThat(s.title()).isEqualTo(hostile));
        assertThat(SectionFields.read(written).orElseThrow().title()).isEqualTo(hostile);
    }

    @Test
    void aFileWithoutFrontMatterHasNoFields() {
        assertThat(SectionFields.read("# Just text\n")).isEmpty();
        assertThat(SectionFields.read("---\n[not, a, map]\n---\nbody")).isEmpty();
    }
}
