package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Fixture;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Problem;
import dev.pauta.manual.Release;
import dev.pauta.rules.Situation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The centre's settings, registers, register rules and register forms, and the scripts' words in each register, as
 * validation reads them on a copy of the fixture: every mistake a policy owner can make is refused at its file and line
 * with a hint, and a manual that names no registers still speaks, with its scripts' {@code say} column.
 */
class RegisterValidationTest {

    private static final String ES_SCRIPTS = "manual/es/delay-compensation.md";
    private static final String EN_SCRIPTS = "manual/en/delay-compensation.md";
    private static final String ES_VOICE = "manual/es/values.md";
    private static final String EN_VOICE = "manual/en/values.md";
    /** Columns of the fixture's scripts tables: code, text, the informal words, the formal words, reason. */
    private static final int INFORMAL = 2;
    private static final int FORMAL = 3;

    @TempDir
    Path folder;

    private BundleCopy copy;

    @BeforeEach
    void copyTheFixture() {
        copy = BundleCopy.ofFixture(folder);
    }

    private int script(String path, String code) {
        return copy.row(path, cells -> cells.get(0).equals(code));
    }

    private int line(String path, String text) {
        return copy.line(path, l -> l.equals(text));
    }

    @Test
    void theFixtureSpeaksInBothRegistersOfEachLocale() {
        assertThat(copy.problems()).isEmpty();
    }

    @Test
    void aScriptWithoutWordsInARegisterTheCentreUsesIsRefusedAtItsRow() {
        int apology = script(ES_SCRIPTS, "DELAY_APOLOGY");
        copy.setCell(ES_SCRIPTS, apology, FORMAL, "");

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(ES_SCRIPTS);
            assertThat(p.line()).isEqualTo(apology);
            assertThat(p.message()).isEqualTo("script 'DELAY_APOLOGY' has no words in 'usted', a register the centre uses");
            assertThat(p.hint()).contains("'usted' column").contains("leave every register's column empty");
        });
    }

    @Test
    void aScriptWithNothingToSayInAnyRegisterIsFineAndSaysNothing() {
        int apology = script(ES_SCRIPTS, "DELAY_APOLOGY");
        copy.setCell(ES_SCRIPTS, apology, INFORMAL, "");
        copy.setCell(ES_SCRIPTS, apology, FORMAL, "");

        assertThat(copy.problems()).isEmpty();
        assertThat(action(decide(compiled(), LATE_ES), "DELAY_APOLOGY").say()).isNull();
    }

    @Test
    void wordsOfAnotherRegisterInAScriptAreRefusedNamingThemAndTheRegistersOwn() {
        int apology = script(ES_SCRIPTS, "DELAY_APOLOGY");
        copy.setCell(ES_SCRIPTS, apology, FORMAL, "Lamento que tu pedido no llegara. ¿Puedes esperar un momento?");

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(ES_SCRIPTS);
            assertThat(p.line()).isEqualTo(apology);
            assertThat(p.message()).isEqualTo("script 'DELAY_APOLOGY' in 'usted' says 'tu', 'Puedes', words of another register");
            assertThat(p.hint()).startsWith("write 'su', 'Puede' as 'usted' does");
        });
    }

    @Test
    void aFormalScriptThatBorrowsNeutralWordsWithContractionsIsRefused() {
        int apology = script(EN_SCRIPTS, "DELAY_APOLOGY");
        copy.setCell(EN_SCRIPTS, apology, FORMAL, "");

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(EN_SCRIPTS);
            assertThat(p.line()).isEqualTo(apology);
            assertThat(p.message()).contains("in 'formal' says 'I'm'");
            assertThat(p.hint()).contains("'I am'").contains("in the 'formal' column, which now borrows its words");
        });
    }

    @Test
    void aVariableTheSettingsDoNotStateIsRefusedAtEveryScriptThatUsesIt() {
        int company = line(ES_VOICE, "| company | Norte |");
        copy.delete(ES_VOICE, company, company);

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(ES_SCRIPTS);
            assertThat(p.line()).isEqualTo(script(ES_SCRIPTS, "DELAY_COUPON"));
            assertThat(p.message()).isEqualTo("script 'DELAY_COUPON' uses {company}, but the settings state no company");
            assertThat(p.hint()).contains("'company | …'");
        });
    }

    @Test
    void settingsThatAreUnknownOrNameNoRegisterAreRefusedAtTheirRow() {
        int register = line(ES_VOICE, "| register | tú |");
        copy.setCell(ES_VOICE, register, 1, "vos");
        copy.insertAfter(ES_VOICE, register, "| brand | Norte |");

        assertThat(copy.problems()).extracting(Problem::describe).containsExactlyInAnyOrder(
                ES_VOICE + ":" + register + ": the default register 'vos' is not a register of the 'registers' table (hint: write one of [tú, usted])",
                ES_VOICE + ":" + (register + 1) + ": unknown setting 'brand' (hint: the settings are [agent, company, register]: the centre's name, what {agent} stands for, and the default register)",
                ES_VOICE + ":" + copy.line(ES_VOICE, l -> l.startsWith("| Trato `register`")) + ": the centre's default register is not stated"
                        + " (hint: add the row 'register | tú' (or another register of this table) to the settings table)");
    }

    @Test
    void registersNeedALevelOfTheirOwnAndBorrowOnlyFromARegisterWithWords() {
        int formal = line(EN_VOICE, "| formal | formal | neutral |");
        copy.setCell(EN_VOICE, formal, 2, "formal");
        int usted = line(ES_VOICE, "| usted | formal |  |");
        copy.setCell(ES_VOICE, usted, 1, "polite");

        List<String> problems = copy.problems().stream().map(Problem::describe).toList();

        assertThat(problems).contains(
                EN_VOICE + ":" + formal + ": register 'formal' borrows the words of 'formal', which is not another register of this table"
                        + " (hint: name one of [neutral, formal] other than 'formal', or leave 'fallback' empty)",
                ES_VOICE + ":" + usted + ": level 'polite' of register 'usted' is not one of [formal, informal]"
                        + " (hint: write 'informal' or 'formal': callers' systems ask for a register by its level)");
    }

    @Test
    void aRegisterRuleAfterTheDefaultOrOnSomethingUnknownIsRefusedAtItsRow() {
        int last = line(ES_VOICE, "| default |  | Es el trato por defecto ({register}). |");
        copy.insertAfter(ES_VOICE, last, "| ANGRY | usted | Con un cliente enfadado, usted. |");
        int elderly = line(ES_VOICE, "| ELDERLY | usted | A las personas mayores las tratamos de usted. |");
        copy.setCell(ES_VOICE, elderly, 0, "SENIOR");
        int requested = line(ES_VOICE, "| requested |  | El sistema del cliente pide el trato de {register}. |");
        copy.setCell(ES_VOICE, requested, 1, "usted");

        assertThat(copy.problems()).extracting(Problem::describe).containsExactlyInAnyOrder(
                ES_VOICE + ":" + (last + 1) + ": this rule never applies: the 'default' row at line " + last + " always does before it (hint: keep 'default' as the last row)",
                ES_VOICE + ":" + elderly + ": 'SENIOR' is not something a register rule can look at (hint: write requested, escalation, customer-words, default,"
                        + " or a code of the channels, intents, customer-types, tiers or special-needs tables)",
                ES_VOICE + ":" + requested + ": the 'requested' rule names register 'usted' (hint: leave 'register' empty: the caller's system chooses the register by its level)");
    }

    @Test
    void aRegisterFormRowCheckedInARegisterItHasNoWordForIsRefused() {
        int row = line(ES_VOICE, "| puedes | puede | usted |");
        copy.setCell(ES_VOICE, row, 2, "usted, vos");

        assertThat(copy.problems()).extracting(Problem::describe).containsExactly(
                ES_VOICE + ":" + row + ": 'in' names [vos], which are not columns of this table (hint: name columns of the table, such as [tú, usted], or leave it empty to check every register)");
    }

    @Test
    void aSayColumnInAManualThatNamesItsRegistersIsRefusedAtTheTable() {
        int header = copy.line(ES_SCRIPTS, l -> l.contains("<!-- table: scripts -->")) + 1;
        copy.setCell(ES_SCRIPTS, header, INFORMAL, "Decir `say`");

        assertThat(copy.problems()).extracting(Problem::describe)
                .contains(ES_SCRIPTS + ":" + header + ": a 'say' column, but the manual names its registers (hint: name each column of words after its register: [tú, usted])");
    }

    @Test
    void switchingTheDefaultRegisterInTheSettingsChangesTheWordsAndNotTheRules() {
        Snapshot before = compiled();
        copy.setCell(ES_VOICE, line(ES_VOICE, "| register | tú |"), 1, "usted");
        Snapshot after = compiled();

        Decision tu = decide(before, LATE_ES);
        Decision usted = decide(after, LATE_ES);

        assertThat(tu.register()).isEqualTo("tú");
        assertThat(usted.register()).isEqualTo("usted");
        assertThat(usted.registerReason()).isEqualTo("Es el trato por defecto (usted).");
        assertThat(action(usted, "DELAY_COUPON").say()).isEqualTo("Por la espera, le envío un cupón del " + Fixture.GOLD_COUPON + " % para su próxima compra en " + Fixture.COMPANY + ".");
        assertThat(action(tu, "DELAY_COUPON").say()).isEqualTo("Por la espera, te envío un cupón del " + Fixture.GOLD_COUPON + " % para tu próxima compra en " + Fixture.COMPANY + ".");
        assertThat(usted.actions()).extracting(Decision.Action::code).isEqualTo(tu.actions().stream().map(Decision.Action::code).toList());
        assertThat(usted.explanation().rulesFired()).isEqualTo(tu.explanation().rulesFired());
    }

    @Test
    void aManualThatNamesNoRegistersSpeaksWithItsSayColumnAndNoRegister() {
        for (String locale : List.of("es", "en")) {
            String voice = "manual/" + locale + "/values.md";
            int from = copy.line(voice, l -> l.equals("<!-- table: registers -->"));
            int to = copy.line(voice, l -> l.equals("<!-- table: scripts -->"));
            copy.delete(voice, from, to - 1);
            int register = copy.line(voice, l -> l.startsWith("| register |"));
            copy.delete(voice, register, register);
            for (String section : List.of("delay-compensation", "long-wait", "special-groups", "values", "email-protocol")) {
                withSayColumnOnly("manual/" + locale + "/" + section + ".md");
            }
        }
        assertThat(copy.problems()).extracting(Problem::describe).isEmpty();

        Decision decision = decide(compiled(), LATE_ES);

        assertThat(decision.register()).isNull();
        assertThat(decision.registerReason()).isNull();
        assertThat(action(decision, "DELAY_APOLOGY").say()).isEqualTo("Lamento que tu pedido no llegara cuando dijimos. Lo miro ahora mismo.");
        assertThat(action(decision, "TICKET_LOG").say()).isNull();
    }

    /** The scripts tables of a file keep their informal words as a plain {@code say} column and lose the formal ones. */
    private void withSayColumnOnly(String path) {
        List<String> lines = copy.lines(path);
        List<String> out = new ArrayList<>();
        boolean inScripts = false;
        for (String line : lines) {
            if (line.equals("<!-- table: scripts -->")) {
                inScripts = true;
            } else if (inScripts && line.startsWith("|")) {
                List<String> cells = new ArrayList<>(List.of(line.substring(1, line.length() - 1).split("\\|", -1)));
                cells.remove(FORMAL);
                line = "|" + String.join("|", cells).replaceFirst("`(tú|neutral)`", "`say`") + "|";
            } else {
                inScripts = false;
            }
            out.add(line);
        }
        copy.write(path, out);
    }

    private static final Situation LATE_ES = new Situation("es", "CHAT", "ORDER_DELAYED", new Situation.Customer("C-REG", "FRIENDLY", "GOLD", List.of()),
            new Situation.Order("O-REG", 6, null, null), null, null);

    private Snapshot compiled() {
        Bundle bundle = copy.bundle();
        return new SnapshotCompiler(1000).compile(bundle, new Release(1, bundle.hash(), null, "test", "register"));
    }

    private static Decision decide(Snapshot snapshot, Situation situation) {
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(snapshot);
        return new GuidanceService(holder, Ledger.NONE, Clock.systemUTC()).decide(situation);
    }

    private static Decision.Action action(Decision decision, String code) {
        return decision.actions().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError("no " + code));
    }
}
