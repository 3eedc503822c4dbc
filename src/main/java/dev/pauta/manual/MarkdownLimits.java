package dev.pauta.manual;

import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Bounds on how deeply a section may nest and indent, checked without recursion so a cold command-line JVM and a warm server decide
 * alike: Flexmark parses and renders nested quotes, lists and emphasis recursively, and thousands of levels overflow the stack.
 */
final class MarkdownLimits {

    /** Deeper than any manual needs; far below what overflows a small thread stack. */
    static final int MAX_DEPTH = 50;

    /** Columns of leading white space: fifty levels of list at four columns each. Flexmark slows down quadratically past it. */
    static final int MAX_INDENTATION = 4 * MAX_DEPTH;

    private MarkdownLimits() {
    }

    /** Checks the raw text before Flexmark sees it: container markers opening one line, and runs of emphasis delimiters. */
    static Optional<Problem> beforeParsing(String path, String body, int lineOffset) {
        int line = 0;
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            line++;
            if (indentation(body, start, end) > MAX_INDENTATION) {
                return Optional.of(tooDeep(path, line + lineOffset, "indented blocks"));
            }
            if (containerDepth(body, start, end) > MAX_DEPTH) {
                return Optional.of(tooDeep(path, line + lineOffset, "quotes or list items"));
            }
            if (longestDelimiterRun(body, start, end) > MAX_DEPTH) {
                return Optional.of(tooDeep(path, line + lineOffset, "emphasis marks (* or _)"));
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /** Checks the parsed tree, iteratively, before anything walks it recursively (rendering, text collection, link checks). */
    static Optional<Problem> afterParsing(String path, Node document, int lineOffset) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(document);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) {
                return Optional.of(tooDeep(path, node.getLineNumber() + 1 + lineOffset, "blocks or inline marks"));
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return Optional.empty();
    }

    static Problem tooDeep(String path, int line, String what) {
        return Problem.at(path, line, "the Markdown nests " + what + " more than " + MAX_DEPTH + " levels deep",
                "flatten the structure: a section needs a few levels of quotes, lists or emphasis, never dozens");
    }

    private static int indentation(String text, int from, int to) {
        int columns = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                columns++;
            } else if (c == '\t') {
                columns += 4 - columns % 4;
            } else {
                break;
            }
        }
        return columns;
    }

    /** How many '>' and list markers open the line, with the spaces between them. */
    private static int containerDepth(String text, int from, int to) {
        int depth = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '>') {
                depth++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < to && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                depth++;
                i += 2;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < to && j - i < 9 && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                if (j + 1 < to && (text.charAt(j) == '.' || text.charAt(j) == ')') && (text.charAt(j + 1) == ' ' || text.charAt(j + 1) == '\t')) {
                    depth++;
                    i = j + 2;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return depth;
    }

    private static int longestDelimiterRun(String text, int from, int to) {
        int longest = 0;
        int run = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            run = c == '*' || c == '_' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
