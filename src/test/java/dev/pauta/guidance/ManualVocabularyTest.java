package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.pauta.ShippedSnapshot;
import dev.pauta.manual.Problem;
import dev.pauta.manual.Release;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vocabulary use case on the shipped release (every choice list a page offers, rejection reasons included) and the
 * checks on the manual's rejection-reasons table: optional, the same codes in every locale, codes the log can store.
 */
class ManualVocabularyTest {

    private static final String EN = "manual/en/feedback-and-suggestions.md";
    private static final String ES = "manual/es/feedback-and-suggestions.md";

    private final Snapshot snapshot = ShippedSnapshot.get();
    private final SnapshotHolder holder = new SnapshotHolder();

    @TempDir
    Path folder;

    ManualVocabularyTest() {
        holder.swap(snapshot);
    }

    @Test
    void rejectionReasonsHaveTheSameCodesInTheManualsOrderInEveryLocaleWithTranslatedLabels() {
        ManualVocabulary vocabulary = new ManualVocabulary(holder, "es");

        Vocabulary es = vocabulary.vocabulary("es");
        Vocabulary en = vocabulary.vocabulary("en");

        assertThat(en.rejectionReasons()).hasSizeBetween(5, 7).containsKeys("WRONG_FACTS", "DOES_NOT_APPLY", "OTHER");
        assertThat(List.copyOf(es.rejectionReasons().keySet())).isEqualTo(List.copyOf(en.rejectionReasons().keySet()));
        assertThat(es.rejectionReasons().get("WRONG_FACTS")).isNotBlank().isNotEqualTo(en.rejectionReasons().get("WRONG_FACTS"));
        List<String> lines = BundleCopy.ofShipped(folder).lines(EN);
        int header = lines.indexOf("<!-- table: rejection-reasons -->");
        List<String> rows = lines.subList(header + 3, header + lines.subList(header, lines.size()).indexOf("")).stream().map(l -> l.split("\\|")[1].trim()).toList();
        assertThat(List.copyOf(en.rejectionReasons().keySet())).as("the table's order").isEqualTo(rows);
    }

    @Test
    void theDefaultLocaleServesWhenNoneIsNamedAndAnUnknownOneIsRefusedWithTheKnownOnes() {
        assertThat(new ManualVocabulary(holder, "en").vocabulary(null)).isSameAs(snapshot.vocabularies().get("en"));
        assertThat(new ManualVocabulary(holder, "es").vocabulary(" ")).isSameAs(snapshot.vocabularies().get("es"));

        UnknownCodeException refused = catchThrowableOfType(UnknownCodeException.class, () -> new ManualVocabulary(holder, "es").vocabulary("fr"));

        assertThat(refused.field()).isEqualTo("locale");
        assertThat(refused.known()).containsExactlyInAnyOrder("es", "en");
    }

    @Test
    void localesAndReleaseAreThoseOfTheSnapshotBeingServedAtTheTimeOfTheCall() {
        ManualVocabulary vocabulary = new ManualVocabulary(holder, "es");
        assertThat(vocabulary.locales()).containsExactly("en", "es");
        assertThat(vocabulary.release()).isEqualTo(snapshot.release().number());

        holder.swap(new Snapshot(new Release(snapshot.release().number() + 1, "next", null, "test", "next"), snapshot.manual(), snapshot.ruleSet(),
                snapshot.indexes(), snapshot.checkers(), snapshot.vocabularies(), snapshot.scripts(), snapshot.policyFacts(), snapshot.voices()));

        assertThat(vocabulary.release()).isEqualTo(snapshot.release().number() + 1);
    }

    @Test
    void theChoiceListsCannotBeChangedByTheirReaders() {
        Vocabulary en = new ManualVocabulary(holder, "es").vocabulary("en");

        assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> en.rejectionReasons().put("X", "x"))).isNotNull();
        assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> en.channels().clear())).isNotNull();
    }

    @Test
    void aManualWithoutTheTableStillCompilesWithNoReasons() {
        BundleCopy copy = BundleCopy.ofShipped(folder);
        for (String path : List.of(EN, ES)) {
            int header = copy.line(path, l -> l.equals("<!-- table: rejection-reasons -->"));
            int last = copy.line(path, l -> l.startsWith("| OTHER |"));
            copy.delete(path, header, last);
        }

        assertThat(copy.problems()).extracting(Problem::describe).isEmpty();
        Snapshot compiled = new SnapshotCompiler(1000).compile(copy.bundle(), new Release(1, copy.bundle().hash(), null, "test", "no reasons"));
        assertThat(compiled.vocabularies().get("en").rejectionReasons()).isEmpty();
        assertThat(compiled.vocabularies().get("es").rejectionReasons()).isEmpty();
    }

    @Test
    void aReasonInOneLocaleOnlyIsRefusedNamingTheCodesOfBoth() {
        BundleCopy copy = BundleCopy.ofShipped(folder);
        int other = copy.line(ES, l -> l.startsWith("| OTHER |"));
        copy.insertAfter(ES, other, "| LATE_INFO | Información tardía |");

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("manual/es");
            assertThat(p.message()).contains("rejectionReason codes differ").contains("LATE_INFO");
            assertThat(p.hint()).contains("same codes in every locale");
        });
    }

    @Test
    void aReasonWithoutACodeTheLogCanStoreOrWithoutALabelOrTwiceIsRefusedAtItsRow() {
        BundleCopy copy = BundleCopy.ofShipped(folder);
        for (String path : List.of(EN, ES)) {
            int other = copy.line(path, l -> l.startsWith("| OTHER |"));
            copy.insertAfter(path, other, "| wrong facts | Lowercase |", "| NO_LABEL |  |", "| OTHER | Again |");
        }

        List<Problem> problems = copy.problems();

        int other = copy.line(EN, l -> l.startsWith("| OTHER |"));
        assertThat(problems).filteredOn(p -> p.path().equals(EN)).extracting(Problem::line, Problem::message).containsExactly(
                tuple(other + 1, "rejection reason code 'wrong facts' is not a code"),
                tuple(other + 2, "rejection reason 'NO_LABEL' has no label"),
                tuple(other + 3, "rejection reason 'OTHER' is listed twice"));
        assertThat(problems).filteredOn(p -> p.path().equals(ES)).hasSize(3);
    }
}
