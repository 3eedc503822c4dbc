package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pauta.Fixture;
import dev.pauta.manual.Section;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The section-reading use case on the fixture release: the locale checked once, the default when none is named, unknown ids listed. */
class ManualSectionsTest {

    private final Snapshot snapshot = Fixture.snapshot();
    private final SnapshotHolder holder = new SnapshotHolder();

    ManualSectionsTest() {
        holder.swap(snapshot);
    }

    @Test
    void aSectionCarriesItsOwnerReviewDateSanitizedHtmlAndTheReleaseItComesFrom() {
        Section source = snapshot.manual().section("en", "delay-compensation").orElseThrow();

        SectionView view = new ManualSections(holder, "es").section("delay-compensation", "en");

        assertThat(view.locale()).isEqualTo("en");
        assertThat(view.owner()).isNotBlank().isEqualTo(source.owner());
        assertThat(view.reviewBy()).isNotNull().isEqualTo(source.reviewBy());
        assertThat(view.html()).isNotBlank().isEqualTo(source.html()).doesNotContain("<script");
        assertThat(view.markdown()).isEqualTo(source.markdown());
        assertThat(view.release()).isEqualTo(snapshot.release().number());
    }

    @Test
    void aSectionWithoutALocaleIsReadInTheDefaultLocale() {
        assertThat(new ManualSections(holder, "es").section("faq", null).locale()).isEqualTo("es");
        assertThat(new ManualSections(holder, "en").section("faq", null).locale()).isEqualTo("en");
        assertThat(new ManualSections(holder, "en").section("faq", "").title())
                .isEqualTo(snapshot.manual().section("en", "faq").orElseThrow().title());
    }

    @Test
    void anUnknownIdIsNotFoundListingTheIdsOfThatLocale() {
        for (String id : new String[] {"no-such-thing", null}) {
            SectionNotFoundException missing = catchThrowableOfType(SectionNotFoundException.class,
                    () -> new ManualSections(holder, "es").section(id, "en"));

            assertThat(missing.id).isEqualTo(id);
            assertThat(missing.locale).isEqualTo("en");
            assertThat(missing.known).containsExactlyElementsOf(
                    snapshot.manual().sections("en").stream().map(Section::id).sorted().collect(Collectors.toList()));
            assertThat(missing.known).contains("delay-compensation", "faq");
        }
    }

    @Test
    void aLocaleTheReleaseDoesNotDefineIsRefusedBeforeTheIdIsLookedUp() {
        UnknownCodeException refused = catchThrowableOfType(UnknownCodeException.class, () -> new ManualSections(holder, "es").section("faq", "fr"));

        assertThat(refused.field()).isEqualTo("locale");
        assertThat(refused.value()).isEqualTo("fr");
        assertThat(refused.known()).isEqualTo(snapshot.locales());
    }
}
