package dev.pauta.guidance;

import dev.pauta.TestBundles;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Problem;
import dev.pauta.manual.Release;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** A copy of the fixture or the shipped bundle to break on purpose, edited line by line as a policy owner would, and what validation says of it. */
final class BundleCopy {

    static final String RULE_FILE = "rules/extra.drl";
    /** The first rule of {@link #rule} starts on this line. */
    static final int FIRST_RULE_LINE = 5;

    private final Path root;

    private BundleCopy(Path root) {
        this.root = root;
    }

    /** A copy of the frozen fixture bundle, for checks of the engine and the validator. */
    static BundleCopy ofFixture(Path folder) {
        return new BundleCopy(TestBundles.copyOfFixture(folder));
    }

    /** A copy of the shipped manual and rules, for checks of what a policy owner's edit of them does. */
    static BundleCopy ofShipped(Path folder) {
        return new BundleCopy(TestBundles.copyOfShipped(folder));
    }

    /** Adds a rule file with the package, import and global a policy file needs, then these rules. */
    void rule(String rules) {
        TestBundles.write(root, RULE_FILE, """
                package pauta.extra;
                import dev.pauta.rules.facts.*;
                global dev.pauta.rules.facts.Outcome outcome;

                """ + rules);
    }

    List<String> lines(String path) {
        try {
            return new ArrayList<>(Files.readAllLines(root.resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String path, List<String> lines) {
        TestBundles.write(root, path, String.join("\n", lines) + "\n");
    }

    /** The 1-based line of the first line that matches; fails when none does. */
    int line(String path, Predicate<String> which) {
        List<String> lines = lines(path);
        for (int i = 0; i < lines.size(); i++) {
            if (which.test(lines.get(i))) {
                return i + 1;
            }
        }
        throw new AssertionError("no such line in " + path);
    }

    /** The line of the first table row whose trimmed cells match. */
    int row(String path, Predicate<List<String>> cells) {
        return line(path, text -> text.startsWith("|") && cells.test(cells(text)));
    }

    List<String> cells(String path, int line) {
        return cells(lines(path).get(line - 1));
    }

    void setCell(String path, int line, int index, String value) {
        List<String> lines = lines(path);
        List<String> cells = cells(lines.get(line - 1));
        cells.set(index, value);
        lines.set(line - 1, "| " + String.join(" | ", cells) + " |");
        write(path, lines);
    }

    void insertAfter(String path, int line, String... added) {
        List<String> lines = lines(path);
        lines.addAll(line, Arrays.asList(added));
        write(path, lines);
    }

    /** Removes lines {@code from} to {@code to}, both included. */
    void delete(String path, int from, int to) {
        List<String> lines = lines(path);
        lines.subList(from - 1, to).clear();
        write(path, lines);
    }

    Path root() {
        return root;
    }

    Bundle bundle() {
        return Bundle.fromFolder(root);
    }

    /** The problems that stop the copy from compiling into a snapshot. */
    List<Problem> problems() {
        return new SnapshotCompiler(1000).validate(bundle());
    }

    /** The full check publishing runs: compile, probe and every scenario. */
    BundleValidator.Result validate() {
        Bundle bundle = bundle();
        return new BundleValidator(new SnapshotCompiler(1000)).validate(bundle, new Release(0, bundle.hash(), null, null, null), true);
    }

    private static List<String> cells(String row) {
        String inner = row.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return new ArrayList<>(Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList());
    }
}
