package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pauta.Fixture;
import dev.pauta.manual.ManualReader;
import dev.pauta.search.SearchHit;
import dev.pauta.search.SearchResult;
import org.junit.jupiter.api.Test;

/** The manual-search use case on the fixture release: locale, kind and channel checked once, the default locale when none is named. */
class ManualSearchTest {

    private final Snapshot snapshot = Fixture.snapshot();
    private final SnapshotHolder holder = new SnapshotHolder();

    ManualSearchTest() {
        holder.swap(snapshot);
    }

    private SearchResult search(String defaultLocale, String text, String locale, String kind, String channel) {
        return new ManualSearch(holder, defaultLocale).search(new ManualSearch.Query(text, locale, kind, channel, 10));
    }

    @Test
    void aSearchWithoutALocaleSearchesTheDefaultLocale() {
        for (String defaultLocale : new String[] {"es", "en"}) {
            SearchResult result = search(defaultLocale, "", null, null, null);

            assertThat(result.hits()).isNotEmpty().extracting(SearchHit::locale).containsOnly(defaultLocale);
            assertThat(search(defaultLocale, "", "", null, null).hits()).extracting(SearchHit::locale).containsOnly(defaultLocale);
        }
    }

    @Test
    void aKindOrChannelNarrowsTheHitsAndABlankOneMeansAny() {
        SearchResult policies = search("es", "", "en", "policy", null);
        SearchResult any = search("es", "", "en", null, null);

        assertThat(policies.hits()).isNotEmpty().extracting(SearchHit::kind).containsOnly("policy");
        assertThat(policies.total()).isLessThan(any.total());
        assertThat(search("es", "", "en", " ", "").total()).isEqualTo(any.total());
    }

    @Test
    void aLocaleTheReleaseDoesNotDefineIsRefusedListingTheKnownOnes() {
        UnknownCodeException refused = catchThrowableOfType(UnknownCodeException.class, () -> search("es", "refund", "fr", null, null));

        assertThat(refused.field()).isEqualTo("locale");
        assertThat(refused.known()).isEqualTo(snapshot.locales());
    }

    @Test
    void aKindTheManualDoesNotDefineIsRefusedListingTheKinds() {
        UnknownCodeException refused = catchThrowableOfType(UnknownCodeException.class, () -> search("es", "refund", "en", "memo", null));

        assertThat(refused.field()).isEqualTo("kind");
        assertThat(refused.value()).isEqualTo("memo");
        assertThat(refused.known()).isEqualTo(ManualReader.KINDS);
    }

    @Test
    void aChannelTheLocaleDoesNotDefineIsRefusedListingItsChannels() {
        UnknownCodeException refused = catchThrowableOfType(UnknownCodeException.class, () -> search("es", "refund", "en", null, "FAX"));

        assertThat(refused.field()).isEqualTo("channel");
        assertThat(refused.known()).isEqualTo(snapshot.vocabularies().get("en").channels().keySet());
    }

    @Test
    void aQueryOutsideItsBoundsIsRefusedBeforeItIsSearched() {
        assertThatThrownBy(() -> new ManualSearch.Query("refund", "en", null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManualSearch.Query("refund", "en", null, null, ManualSearch.Query.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManualSearch.Query("a".repeat(ManualSearch.Query.MAX_TEXT + 1), "en", null, null, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ManualSearch.Query("a".repeat(ManualSearch.Query.MAX_TEXT), "en", null, null, ManualSearch.Query.MAX_LIMIT).limit())
                .isEqualTo(ManualSearch.Query.MAX_LIMIT);
    }
}
