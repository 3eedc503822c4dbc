package dev.pauta.manual;

import java.io.StringReader;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * A YAML document written by a policy owner (front matter, scenario files), read with SnakeYAML's node API into plain
 * values that keep the line they stand on, so every complaint about a field names its line. Scalars are typed as
 * SnakeYAML's safe constructor types them (whole numbers, decimals, booleans, dates, null, text). Documents are bounded:
 * few aliases, shallow nesting, no duplicate keys, no merge keys or tags. Thread-safe.
 */
public final class YamlTree {

    /** No alias bombs, no deep nesting, nothing near the size of a release. */
    static final int MAX_ALIASES = 10;
    public static final int MAX_DEPTH = 20;
    static final int MAX_CODE_POINTS = 1_000_000;

    /** A node of the document; {@code line} counts from 1 at the document's first line. */
    public sealed interface Value permits Scalar, Sequence, Mapping {
        int line();

        /** How to name the value in a message: a scalar as written in quotes, otherwise what it is. */
        String describe();
    }

    /** A single value: {@code value} is a String, Integer, Long, BigInteger, Double, Boolean, Date, byte[] or null; {@code text} as written. */
    public record Scalar(Object value, String text, int line) implements Value {
        @Override
        public String describe() {
            return "'" + text + "'";
        }
    }

    /** A list. */
    public record Sequence(List<Value> items, int line) implements Value {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** One {@code key: value} of a mapping, with the key's line. */
    public record Field(String key, int line, Value value) {
    }

    /** A mapping of keys to values, in the order written. */
    public record Mapping(Map<String, Field> fields, int line) implements Value {
        public Mapping {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The value under a key, or null when the key is absent. */
        public Value get(String key) {
            Field field = fields.get(key);
            return field == null ? null : field.value();
        }

        /** The line of a key, or the mapping's own line when the key is absent. */
        public int lineOf(String key) {
            Field field = fields.get(key);
            return field == null ? line : field.line();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** Why a document could not be read; {@code line} counts from 1, {@code tooLarge} when it broke a bound rather than the syntax. */
    public static final class Unreadable extends RuntimeException {
        private final int line;
        private final boolean tooLarge;

        Unreadable(int line, String problem, boolean tooLarge) {
            super(problem, null, false, false);
            this.line = line;
            this.tooLarge = tooLarge;
        }

        public int line() {
            return line;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private YamlTree() {
    }

    /** The document's root value, or null when it holds none; {@link Unreadable} when it is not valid or too large. */
    public static Value read(String text) {
        LoaderOptions limits = limits();
        Node root;
        try {
            root = new Yaml(new SafeConstructor(limits)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new Unreadable(e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1, e.getProblem(), false);
        } catch (ReaderException e) {
            throw new Unreadable(lineAt(text, e.getPosition()), "the character U+" + Integer.toHexString(e.getCodePoint()).toUpperCase(Locale.ROOT)
                    + " is not allowed in YAML", false);
        } catch (YAMLException e) {
            throw new Unreadable(1, e.getMessage(), true);
        }
        return root == null ? null : new Builder(limits).value(root);
    }

    private static int lineAt(String text, int codePoints) {
        int end = codePoints >= text.codePointCount(0, text.length()) ? text.length() : text.offsetByCodePoints(0, Math.max(0, codePoints));
        return 1 + (int) text.substring(0, end).chars().filter(c -> c == '\n').count();
    }

    private static LoaderOptions limits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** Turns nodes into values once each, so an alias shares its value instead of copying it. */
    private static final class Builder extends SafeConstructor {
        private final Map<Node, Value> built = new IdentityHashMap<>();

        Builder(LoaderOptions options) {
            super(options);
        }

        Value value(Node node) {
            Value value = built.get(node);
            if (value == null) {
                value = build(node);
                built.put(node, value);
            }
            return value;
        }

        private Value build(Node node) {
            int line = node.getStartMark().getLine() + 1;
            if (node instanceof ScalarNode scalar) {
                return new Scalar(scalarValue(scalar, line), scalar.getValue(), line);
            }
            if (node instanceof SequenceNode sequence && node.getTag().equals(Tag.SEQ)) {
                return new Sequence(sequence.getValue().stream().map(this::value).toList(), line);
            }
            if (node instanceof MappingNode mapping && node.getTag().equals(Tag.MAP)) {
                return mapping(mapping, line);
            }
            throw new Unreadable(line, "the tag '" + node.getTag().getValue() + "' is not read here; write plain values, lists and mappings", false);
        }

        private Mapping mapping(MappingNode mapping, int line) {
            Map<String, Field> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                int keyLine = keyNode.getStartMark().getLine() + 1;
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    throw new Unreadable(keyLine, "merge keys ('<<') are not read here", false);
                }
                if (!(keyNode instanceof ScalarNode key)) {
                    throw new Unreadable(keyLine, "a key must be a single word, not " + value(keyNode).describe(), false);
                }
                String name = String.valueOf(scalarValue(key, keyLine));
                if (fields.containsKey(name)) {
                    throw new Unreadable(keyLine, "the key '" + name + "' appears twice (first on line " + fields.get(name).line() + ")", false);
                }
                fields.put(name, new Field(name, keyLine, value(tuple.getValueNode())));
            }
            return new Mapping(fields, line);
        }

        private Object scalarValue(ScalarNode scalar, int line) {
            try {
                return constructObject(scalar);
            } catch (RuntimeException e) {
                throw new Unreadable(line, "the value '" + scalar.getValue() + "' cannot be read as " + scalar.getTag().getValue(), false);
            }
        }
    }
}
