package dev.pauta.rules;

import dev.pauta.manual.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * What DRL written by a policy owner may do: read facts and write to the outcome. Checked on the parsed
 * package (imports, globals, functions, each rule's code with its string literals removed), so that no
 * rule reaches the JVM, the file system, the network, threads, reflection or class loading.
 */
final class SafeProfile {

    private static final Set<String> ALLOWED_IMPORT_PREFIXES = Set.of("dev.pauta.rules.facts.");
    private static final Set<String> ALLOWED_IMPORTS = Set.of("java.lang.Math", "java.util.List", "java.util.Map", "java.util.Set");
    private static final Set<String> FORBIDDEN = Set.of(
            "System", "Runtime", "ProcessBuilder", "Process", "Thread", "ThreadGroup", "Executors", "ExecutorService",
            "CompletableFuture", "ForkJoinPool", "Timer", "Class", "ClassLoader", "getClass", "forName", "getClassLoader",
            "class", "reflect", "Method", "Field", "Constructor", "invoke", "setAccessible", "newInstance", "MethodHandles",
            "Unsafe", "File", "Files", "Path", "Paths", "FileInputStream", "FileOutputStream", "FileReader", "FileWriter",
            "RandomAccessFile", "io", "nio", "net", "Socket", "ServerSocket", "URL", "URI", "HttpClient", "exec", "exit",
            "halt", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getKieBase", "getEntryPoint", "getChannels",
            "ScriptEngineManager", "JNDI", "InitialContext", "ObjectInputStream", "sun", "jdk", "javax", "SecurityManager",
            "loadLibrary", "load", "getenv", "getProperty", "setProperty", "wait", "notify", "notifyAll", "synchronized", "native");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private SafeProfile() {
    }

    static List<Problem> check(String path, String drl, PackageDescr pkg) {
        List<Problem> problems = new ArrayList<>();
        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget();
            boolean allowed = ALLOWED_IMPORTS.contains(target) || ALLOWED_IMPORT_PREFIXES.stream().anyMatch(target::startsWith);
            if (!allowed) {
                problems.add(Problem.at(path, imp.getLine(), "import '" + target + "' is not allowed in policy rules",
                        "import only dev.pauta.rules.facts.* (and java.lang.Math, java.util.List, Map or Set)"));
            }
        }
        for (GlobalDescr global : pkg.getGlobals()) {
            if (!global.getType().endsWith("Outcome") || !global.getIdentifier().equals("outcome")) {
                problems.add(Problem.at(path, global.getLine(), "global '" + global.getIdentifier() + "' is not allowed",
                        "declare only 'global dev.pauta.rules.facts.Outcome outcome;'"));
            }
        }
        if (!pkg.getFunctionImports().isEmpty()) {
            problems.add(Problem.at(path, pkg.getFunctionImports().get(0).getLine(), "function imports are not allowed in policy rules",
                    "write the logic in the rule's conditions"));
        }
        for (FunctionDescr function : pkg.getFunctions()) {
            scan(path, drl, function, "function '" + function.getName() + "'", problems);
        }
        for (RuleDescr rule : pkg.getRules()) {
            scan(path, drl, rule, "rule '" + rule.getName() + "'", problems);
        }
        return problems;
    }

    private static void scan(String path, String drl, BaseDescr descr, String what, List<Problem> problems) {
        int start = Math.max(0, descr.getStartCharacter());
        int end = descr.getEndCharacter() <= start ? drl.length() : Math.min(drl.length(), descr.getEndCharacter() + 1);
        String code = drl.substring(start, end);
        if (code.contains("\\u")) {
            problems.add(Problem.at(path, descr.getLine(), what + " uses a unicode escape", "write the characters themselves"));
        }
        String withoutStrings = STRING_LITERAL.matcher(code).replaceAll("\"\"");
        Matcher identifier = IDENTIFIER.matcher(withoutStrings);
        while (identifier.find()) {
            String word = identifier.group();
            if (FORBIDDEN.contains(word)) {
                int line = descr.getLine() + (int) withoutStrings.substring(0, identifier.start()).chars().filter(c -> c == '\n').count();
                problems.add(Problem.at(path, line, what + " uses '" + word + "', which policy rules may not use",
                        "rules may only match facts and call outcome.propose(…) or outcome.hold(…); no system, thread, reflection, class, file or network access"));
                return;
            }
        }
    }
}
