package dev.pauta.cli;

import dev.pauta.guidance.BundleValidator;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.manual.Release;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Problem;
import dev.pauta.rules.RuleSet;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code validate <folder>} and {@code test <folder>}: check a folder in the repository layout without
 * starting the server. Exit 0 when valid, 1 with {@code path:line: message} lines when not, 2 on bad usage.
 */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("validate", "test");

    private Cli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || args[0].equals("help") || args[0].equals("--help"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !COMMANDS.contains(args[0])) {
            err.println("usage: java -jar pauta.jar validate <folder>");
            err.println("       java -jar pauta.jar test <folder>");
            err.println("  <folder> holds manual/<locale>/*.md and rules/*.drl (and rules/tests/*.yaml)");
            return 2;
        }
        Path folder = Path.of(args[1]);
        if (!Files.isDirectory(folder)) {
            err.println("not a folder: " + folder);
            return 2;
        }
        Bundle bundle = Bundle.fromFolder(folder);
        boolean test = args[0].equals("test");
        BundleValidator.Result result = new BundleValidator(new SnapshotCompiler(RuleSet.DEFAULT_FIRING_LIMIT, RuleSet.DEFAULT_TIME_BUDGET)).validate(bundle, new Release(0, bundle.hash(), null, null, null), test);
        if (test && result.snapshot() != null) {
            out.println("scenarios: " + result.scenariosPassed() + " passed, " + result.scenariosFailed() + " failed");
            if (!result.rulesNeverFired().isEmpty()) {
                out.println("rules no scenario fired: " + String.join(", ", result.rulesNeverFired()));
            }
        }
        return report(result.problems(), out, folder + (test ? " passes its checks and scenarios" : " is valid"));
    }

    private static int report(List<Problem> problems, PrintStream out, String success) {
        problems.forEach(p -> out.println(p.describe()));
        if (problems.isEmpty()) {
            out.println("ok: " + success);
            return 0;
        }
        out.println(problems.size() + " problem(s)");
        return 1;
    }
}
