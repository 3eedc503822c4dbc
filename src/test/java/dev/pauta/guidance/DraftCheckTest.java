package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pauta.Fixture;
import dev.pauta.compliance.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The draft-check use case on the fixture release: codes checked once, the default locale when none is named. */
class DraftCheckTest {

    static final String SPANISH = "Lo siento, eso no nos compete.";
    static final String ENGLISH = "Sorry, that's not my department.";

    private final Snapshot snapshot = Fixture.snapshot();
    private final SnapshotHolder holder = new SnapshotHolder();

    DraftCheckTest() {
        holder.swap(snapshot);
    }

    @Test
    void aDraftIsCheckedAgainstThePhrasesOfTheLocaleItNames() {
        List<Violation> violations = new DraftCheck(holder, "es").check("en", "EMAIL", ENGLISH);

        assertThat(violations).map(v -> ENGLISH.substring(v.start(), v.end()).toLowerCase()).anyMatch(s -> s.contains("not my department"));
    }

    @Test
    void aRegisterFlagsTheWordsOfAnotherRegisterWithTheirFormInItAndAnUnknownOneIsRefused() {
        String draft = "Dime qué necesitas y te ayudo.";
        DraftCheck check = new DraftCheck(holder, "es");

        List<Violation> inUsted = check.check("es", null, draft, "usted");
        assertThat(inUsted).filteredOn(v -> draft.substring(v.start(), v.end()).equals("Dime"))
                .singleElement().satisfies(v -> {
                    assertThat(v.severity()).isEqualTo("WARNING");
                    assertThat(v.instead()).isEqualToIgnoringCase("dígame");
                });
        assertThat(check.check("es", null, draft, null)).noneMatch(v -> draft.substring(v.start(), v.end()).equals("Dime"));
        assertThat(check.check("es", null, draft, "tú")).noneMatch(v -> draft.substring(v.start(), v.end()).equals("Dime"));
        UnknownCodeException refused = catchThrowableOfType(UnknownCodeException.class, () -> check.check("es", null, draft, "vos"));
        assertThat(refused.field()).isEqualTo("register");
        assertThat(refused.known()).contains("tú", "usted");
    }

    @Test
    void aDraftWithoutALocaleIsCheckedInTheDefaultLocale() {
        assertThat(flagged(new DraftCheck(holder, "es").check(null, null, SPANISH))).contains("eso no nos compete");
        assertThat(flagged(new DraftCheck(holder, "es").check(" ", null, SPANISH))).contains("eso no nos compete");
        assertThat(flagged(new DraftCheck(holder, "en").check(null, null, SPANISH))).doesNotContain("eso no nos compete");
    }

    @Test
    void aLocaleTheReleaseDoesNotDefineIsRefusedListingTheKnownOnes() {
        UnknownCodeException refused = catchThrowableOfType(UnknownCodeException.class, () -> new DraftCheck(holder, "es").check("fr", null, ENGLISH));

        assertThat(refused.field()).isEqualTo("locale");
        assertThat(refused.value()).isEqualTo("fr");
        assertThat(refused.known()).isEqualTo(snapshot.locales()).contains("es", "en");
    }

    @Test
    void aDefaultLocaleTheReleaseDoesNotDefineIsRefusedLikeARequestedOne() {
        UnknownCodeException refused = catchThrowableOfType(UnknownCodeException.class, () -> new DraftCheck(holder, "fr").check(null, null, ENGLISH));

        assertThat(refused.field()).isEqualTo("locale");
        assertThat(refused.value()).isEqualTo("fr");
    }

    @Test
    void aChannelTheLocaleDoesNotDefineIsRefusedAndABlankOneIsNotIgnored() {
        for (String channel : new String[] {"FAX", ""}) {
            UnknownCodeException refused = catchThrowableOfType(UnknownCodeException.class, () -> new DraftCheck(holder, "es").check("en", channel, ENGLISH));

            assertThat(refused.field()).isEqualTo("channel");
            assertThat(refused.value()).isEqualTo(channel);
            assertThat(refused.known()).isEqualTo(snapshot.vocabularies().get("en").channels().keySet()).contains("EMAIL", "PHONE");
        }
    }

    /** The flagged words of a Spanish draft, lower case. */
    private static List<String> flagged(List<Violation> violations) {
        return violations.stream().map(v -> SPANISH.substring(v.start(), v.end()).toLowerCase()).toList();
    }
}
