package dev.pauta.guidance;

import dev.pauta.compliance.DraftChecker;
import dev.pauta.compliance.RegisterForm;
import dev.pauta.compliance.Violation;
import dev.pauta.manual.Manual;
import dev.pauta.manual.PolicyTable;
import dev.pauta.manual.Problem;
import dev.pauta.manual.TableRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads how the centre speaks in one locale from the manual's {@code settings}, {@code registers}, {@code register-rules},
 * {@code register-forms} and {@code scripts} tables, reporting every problem at its file and line. All of them are optional
 * together: a manual that names no registers has one way of speaking and its scripts a {@code say} column. Thread-safe.
 */
final class VoiceReader {

    static final String SETTINGS = "settings";
    static final String REGISTERS = "registers";
    static final String REGISTER_RULES = "register-rules";
    static final String REGISTER_FORMS = "register-forms";
    /** The register-forms column naming the registers whose replies a row is checked in. */
    static final String CHECKED_IN = "in";

    private VoiceReader() {
    }

    static Voice voice(Manual manual, String locale, Vocabulary vocabulary, List<Problem> problems) {
        Optional<PolicyTable> registersTable = manual.table(locale, REGISTERS);
        Map<String, Voice.Register> registers = registersTable.map(t -> registers(t, problems)).orElse(Map.of());
        Map<String, String> settings = manual.table(locale, SETTINGS).map(t -> settings(t, registers, problems)).orElse(Map.of());
        String defaultRegister = settings.get(Voice.REGISTER);
        if (registersTable.isPresent() && defaultRegister == null && !registers.isEmpty()) {
            PolicyTable t = registersTable.get();
            problems.add(Problem.at(t.path(), t.line(), "the centre's default register is not stated",
                    "add the row 'register | " + registers.keySet().iterator().next() + "' (or another register of this table) to the settings table"));
        }
        List<Voice.RegisterRule> rules = List.of();
        Optional<PolicyTable> rulesTable = manual.table(locale, REGISTER_RULES);
        if (rulesTable.isPresent() && registers.isEmpty()) {
            PolicyTable t = rulesTable.get();
            problems.add(Problem.at(t.path(), t.line(), "register rules, but no registers table names the registers they choose",
                    "add a '" + REGISTERS + "' table with the registers the centre uses, or remove these rules"));
        } else if (rulesTable.isPresent()) {
            rules = rules(rulesTable.get(), registers, vocabulary, problems);
        } else if (registersTable.isPresent() && !registers.isEmpty()) {
            PolicyTable t = registersTable.get();
            problems.add(Problem.at(t.path(), t.line(), "no '" + REGISTER_RULES + "' table says when each register is used and why",
                    "add the table with at least a last row 'default', whose reason explains the centre's default"));
        }
        Map<String, String> variables = new LinkedHashMap<>(settings);
        variables.remove(Voice.REGISTER);
        return registers.isEmpty() && variables.isEmpty() ? Voice.NONE : new Voice(variables, registers, defaultRegister, rules);
    }

    private static Map<String, Voice.Register> registers(PolicyTable table, List<Problem> problems) {
        Map<String, Voice.Register> registers = new LinkedHashMap<>();
        Map<String, String> byLevel = new LinkedHashMap<>();
        for (TableRow row : table.rows()) {
            String name = row.text("register");
            String level = row.text("level");
            String fallback = row.text("fallback").isBlank() ? null : row.text("fallback");
            if (name.isBlank()) {
                problems.add(Problem.at(table.path(), row.line(), "a register needs a name", "write the register as agents call it, such as 'usted'"));
            } else if (!Voice.LEVELS.contains(level)) {
                problems.add(Problem.at(table.path(), row.line(), "level '" + level + "' of register '" + name + "' is not one of " + new TreeSet<>(Voice.LEVELS),
                        "write 'informal' or 'formal': callers' systems ask for a register by its level"));
            } else if (registers.containsKey(name)) {
                problems.add(Problem.at(table.path(), row.line(), "register '" + name + "' is listed twice", "keep one row per register"));
            } else if (byLevel.containsKey(level)) {
                problems.add(Problem.at(table.path(), row.line(), "registers '" + byLevel.get(level) + "' and '" + name + "' are both " + level,
                        "give each level one register, so a request for '" + level + "' names one"));
            } else {
                registers.put(name, new Voice.Register(name, level, fallback));
                byLevel.put(level, name);
            }
        }
        for (TableRow row : table.rows()) {
            String name = row.text("register");
            String fallback = row.text("fallback");
            if (fallback.isBlank() || !registers.containsKey(name)) {
                continue;
            }
            Voice.Register borrowed = registers.get(fallback);
            if (borrowed == null || fallback.equals(name)) {
                problems.add(Problem.at(table.path(), row.line(), "register '" + name + "' borrows the words of '" + fallback + "', which is not another register of this table",
                        "name one of " + registers.keySet() + " other than '" + name + "', or leave 'fallback' empty"));
            } else if (borrowed.fallback() != null) {
                problems.add(Problem.at(table.path(), row.line(), "register '" + name + "' borrows from '" + fallback + "', which itself borrows from '" + borrowed.fallback() + "'",
                        "borrow from a register that has its own words"));
            }
        }
        return registers;
    }

    private static Map<String, String> settings(PolicyTable table, Map<String, Voice.Register> registers, List<Problem> problems) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (TableRow row : table.rows()) {
            String setting = row.text("setting");
            String value = row.text("value");
            if (!Voice.SETTINGS.contains(setting)) {
                problems.add(Problem.at(table.path(), row.line(), "unknown setting '" + setting + "'",
                        "the settings are " + new TreeSet<>(Voice.SETTINGS) + ": the centre's name, what {agent} stands for, and the default register"));
            } else if (value.isBlank()) {
                problems.add(Problem.at(table.path(), row.line(), "setting '" + setting + "' has no value", "write its value in the 'value' cell"));
            } else if (settings.containsKey(setting)) {
                problems.add(Problem.at(table.path(), row.line(), "setting '" + setting + "' is stated twice", "state each setting once"));
            } else if (setting.equals(Voice.REGISTER) && !registers.containsKey(value)) {
                problems.add(Problem.at(table.path(), row.line(), "the default register '" + value + "' is not a register of the '" + REGISTERS + "' table",
                        registers.isEmpty() ? "add a '" + REGISTERS + "' table naming the registers the centre uses" : "write one of " + registers.keySet()));
            } else {
                settings.put(setting, value);
            }
        }
        return settings;
    }

    private static List<Voice.RegisterRule> rules(PolicyTable table, Map<String, Voice.Register> registers, Vocabulary vocabulary, List<Problem> problems) {
        Set<String> codes = new HashSet<>();
        vocabulary.codes().forEach((field, known) -> {
            if (!field.equals("rejectionReason")) {
                codes.addAll(known);
            }
        });
        List<Voice.RegisterRule> rules = new ArrayList<>();
        int defaultLine = 0;
        for (TableRow row : table.rows()) {
            String when = row.text("when");
            String register = row.text("register");
            String reason = row.text("reason");
            boolean chosenElsewhere = when.equals(Voice.REQUESTED) || when.equals(Voice.DEFAULT);
            if (defaultLine > 0) {
                problems.add(Problem.at(table.path(), row.line(), "this rule never applies: the 'default' row at line " + defaultLine + " always does before it",
                        "keep 'default' as the last row"));
            } else if (!Voice.SIGNALS.contains(when) && !codes.contains(when)) {
                problems.add(Problem.at(table.path(), row.line(), "'" + when + "' is not something a register rule can look at",
                        "write requested, escalation, customer-words, default, or a code of the channels, intents, customer-types, tiers or special-needs tables"));
            } else if (chosenElsewhere && !register.isBlank()) {
                problems.add(Problem.at(table.path(), row.line(), "the '" + when + "' rule names register '" + register + "'",
                        when.equals(Voice.DEFAULT) ? "leave 'register' empty: the default register is stated once, in the settings table"
                                : "leave 'register' empty: the caller's system chooses the register by its level"));
            } else if (!chosenElsewhere && !registers.containsKey(register)) {
                problems.add(Problem.at(table.path(), row.line(), "register '" + register + "' of the '" + when + "' rule is not a register of the '" + REGISTERS + "' table",
                        "write one of " + registers.keySet()));
            } else if (reason.isBlank()) {
                problems.add(Problem.at(table.path(), row.line(), "the '" + when + "' rule gives no reason", "say in the 'reason' cell why this register is used; the decision shows it"));
            } else {
                rules.add(new Voice.RegisterRule(when, register, reason));
            }
            if (when.equals(Voice.DEFAULT) && defaultLine == 0) {
                defaultLine = row.line();
            }
        }
        if (defaultLine == 0) {
            problems.add(Problem.at(table.path(), table.line(), "the register rules have no 'default' row", "end the table with a 'default' row whose reason explains the centre's default"));
        }
        return rules;
    }

    static List<RegisterForm> registerForms(Manual manual, String locale, List<Problem> problems) {
        List<RegisterForm> forms = new ArrayList<>();
        manual.table(locale, REGISTER_FORMS).ifPresent(table -> {
            List<String> registers = table.columns().stream().filter(c -> !c.equals(CHECKED_IN)).toList();
            for (TableRow row : table.rows()) {
                Map<String, String> byRegister = new LinkedHashMap<>();
                registers.forEach(r -> {
                    if (!row.text(r).isBlank()) {
                        byRegister.put(r, row.text(r));
                    }
                });
                Set<String> checkedIn = new LinkedHashSet<>(row.list(CHECKED_IN));
                Set<String> unknown = checkedIn.stream().filter(r -> !registers.contains(r)).collect(Collectors.toCollection(TreeSet::new));
                Set<String> wordless = (checkedIn.isEmpty() ? byRegister.keySet() : checkedIn).stream().filter(r -> registers.contains(r) && !byRegister.containsKey(r))
                        .collect(Collectors.toCollection(TreeSet::new));
                if (byRegister.size() < 2) {
                    problems.add(Problem.at(table.path(), row.line(), "a register-forms row needs the word in at least two registers",
                            "write the same word as each register says it, such as 'puedes | puede'"));
                } else if (!unknown.isEmpty()) {
                    problems.add(Problem.at(table.path(), row.line(), "'" + CHECKED_IN + "' names " + unknown + ", which are not columns of this table",
                            "name columns of the table, such as " + registers + ", or leave it empty to check every register"));
                } else if (!wordless.isEmpty()) {
                    problems.add(Problem.at(table.path(), row.line(), "replies in " + wordless + " are checked for this row, but it has no word of theirs to suggest instead",
                            "write the word in that register, or leave it out of '" + CHECKED_IN + "'"));
                } else {
                    forms.add(new RegisterForm(byRegister, checkedIn, table.sectionId()));
                }
            }
        });
        return forms;
    }

    /**
     * The scripts of one locale. With registers, each script's words for the customer are in one column per register; a
     * script that says something says it in every register the centre uses (or in the one that register borrows from), in
     * that register's own forms, and the variables it uses are stated in the settings.
     */
    static Map<String, Script> scripts(Manual manual, String locale, Voice voice, DraftChecker checker, List<Problem> problems) {
        Map<String, Script> scripts = new LinkedHashMap<>();
        for (PolicyTable table : manual.tables(locale, "scripts")) {
            if (!voice.registers().isEmpty() && table.columns().contains(Script.SAY)) {
                problems.add(Problem.at(table.path(), table.line(), "a '" + Script.SAY + "' column, but the manual names its registers",
                        "name each column of words after its register: " + voice.registers().keySet()));
            }
            for (TableRow row : table.rows()) {
                String code = row.text("code");
                if (code.isBlank() || row.text("text").isBlank()) {
                    problems.add(Problem.at(table.path(), row.line(), "a scripts row needs a code and a text", "fill in the 'code' and 'text' cells"));
                    continue;
                }
                Map<String, String> says = new LinkedHashMap<>();
                for (String column : voice.registers().isEmpty() ? List.of(Script.SAY) : List.copyOf(voice.registers().keySet())) {
                    if (!row.text(column).isBlank()) {
                        says.put(column, row.text(column));
                    }
                }
                Script script = new Script(code, row.text("text"), says, row.text("reason"), table.sectionId());
                checkScript(table, row, script, voice, checker, problems);
                Script earlier = scripts.putIfAbsent(code, script);
                if (earlier != null) {
                    problems.add(Problem.at(table.path(), row.line(), "script code '" + code + "' is already defined in section '" + earlier.section() + "'",
                            "keep one script per code and locale"));
                }
            }
        }
        return scripts;
    }

    private static void checkScript(PolicyTable table, TableRow row, Script script, Voice voice, DraftChecker checker, List<Problem> problems) {
        String code = script.code();
        if (!script.says().isEmpty()) {
            for (String register : voice.registers().keySet()) {
                String words = voice.say(script, register);
                if (words == null) {
                    problems.add(Problem.at(table.path(), row.line(), "script '" + code + "' has no words in '" + register + "', a register the centre uses",
                            "write what to say in the '" + register + "' column, or leave every register's column empty when the action has nothing to say"));
                    continue;
                }
                List<Violation> others = checker.check(null, words, register).stream().filter(v -> v.check().equals("register")).toList();
                if (!others.isEmpty()) {
                    String found = others.stream().map(v -> "'" + words.substring(v.start(), v.end()) + "'").distinct().collect(Collectors.joining(", "));
                    String instead = others.stream().map(v -> "'" + v.instead() + "'").distinct().collect(Collectors.joining(", "));
                    problems.add(Problem.at(table.path(), row.line(), "script '" + code + "' in '" + register + "' says " + found + ", words of another register",
                            "write " + instead + " as '" + register + "' does (see the register-forms table)"
                                    + (script.says().containsKey(register) ? "" : ", in the '" + register + "' column, which now borrows its words")));
                }
            }
        }
        Set<String> cells = new LinkedHashSet<>(script.says().values());
        cells.add(script.text());
        cells.add(script.reason());
        for (String variable : Voice.VARIABLES) {
            if (!voice.variables().containsKey(variable) && cells.stream().anyMatch(c -> c.contains("{" + variable + "}"))) {
                problems.add(Problem.at(table.path(), row.line(), "script '" + code + "' uses {" + variable + "}, but the settings state no " + variable,
                        "add the row '" + variable + " | …' to the settings table"));
            }
        }
    }
}
