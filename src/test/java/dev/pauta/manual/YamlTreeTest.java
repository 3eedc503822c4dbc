package dev.pauta.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.Date;
import org.junit.jupiter.api.Test;

class YamlTreeTest {

    @Test
    void everyKeyAndValueKeepsTheLineItStandsOn() {
        YamlTree.Mapping root = (YamlTree.Mapping) YamlTree.read("""
                name: first
                given:
                  order: {delayDays: 6,
                          value: 120.5}
                  tags:
                    - a
                    - b
                """);

        YamlTree.Mapping given = (YamlTree.Mapping) root.get("given");
        YamlTree.Mapping order = (YamlTree.Mapping) given.get("order");
        YamlTree.Sequence tags = (YamlTree.Sequence) given.get("tags");
        assertThat(root.lineOf("given")).isEqualTo(2);
        assertThat(given.lineOf("order")).isEqualTo(3);
        assertThat(order.lineOf("value")).isEqualTo(4);
        assertThat(order.get("value").line()).isEqualTo(4);
        assertThat(tags.items()).extracting(YamlTree.Value::line).containsExactly(6, 7);
        assertThat(root.lineOf("missing")).isEqualTo(root.line());
    }

    @Test
    void scalarsAreTypedAsSnakeYamlsSafeConstructorTypesThem() {
        YamlTree.Mapping root = (YamlTree.Mapping) YamlTree.read("""
                whole: 6
                hex: 0x1F
                huge: 123456789012345678901234567890
                decimal: 120.5
                flag: true
                nothing: ~
                date: 2027-06-30
                quoted: "42"
                text: es la segunda vez
                """);

        assertThat(value(root, "whole")).isEqualTo(6);
        assertThat(value(root, "hex")).isEqualTo(31);
        assertThat(value(root, "huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(value(root, "decimal")).isEqualTo(120.5);
        assertThat(value(root, "flag")).isEqualTo(true);
        assertThat(value(root, "nothing")).isNull();
        assertThat(value(root, "date")).isInstanceOf(Date.class);
        assertThat(value(root, "quoted")).isEqualTo("42");
        assertThat(value(root, "text")).isEqualTo("es la segunda vez");
        assertThat(root.get("whole").describe()).isEqualTo("'6'");
    }

    private static Object value(YamlTree.Mapping mapping, String key) {
        return ((YamlTree.Scalar) mapping.get(key)).value();
    }

    @Test
    void anEmptyDocumentHasNoRoot() {
        assertThat(YamlTree.read("")).isNull();
        assertThat(YamlTree.read("# only a comment\n")).isNull();
    }

    @Test
    void anAliasSharesTheValueItNames() {
        YamlTree.Mapping root = (YamlTree.Mapping) YamlTree.read("a: &a [x, y]\nb: *a\n");

        assertThat(root.get("b")).isSameAs(root.get("a"));
    }

    @Test
    void aBillionLaughsIsRefusedAsTooLarge() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
        }

        YamlTree.Unreadable refused = catchThrowableOfType(YamlTree.Unreadable.class, () -> YamlTree.read(yaml.toString()));

        assertThat(refused.tooLarge()).isTrue();
    }

    @Test
    void nestingDeeperThanTheBoundIsRefusedAsTooLarge() {
        String deep = "[".repeat(2 * YamlTree.MAX_DEPTH) + "]".repeat(2 * YamlTree.MAX_DEPTH);

        assertThat(catchThrowableOfType(YamlTree.Unreadable.class, () -> YamlTree.read(deep)).tooLarge()).isTrue();
        assertThat(YamlTree.read("[".repeat(YamlTree.MAX_DEPTH) + "]".repeat(YamlTree.MAX_DEPTH))).isInstanceOf(YamlTree.Sequence.class);
    }

    @Test
    void aKeyGivenTwiceIsRefusedAtItsSecondLine() {
        YamlTree.Unreadable refused = catchThrowableOfType(YamlTree.Unreadable.class, () -> YamlTree.read("id: a\ntitle: T\nid: b\n"));

        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.tooLarge()).isFalse();
        assertThat(refused.getMessage()).contains("'id'").contains("line 1");
    }

    @Test
    void mergeKeysTagsAndKeysThatAreNotSingleValuesAreRefusedAtTheirLine() {
        assertThat(catchThrowableOfType(YamlTree.Unreadable.class, () -> YamlTree.read("base: &b {x: 1}\nother:\n  <<: *b\n")).line()).isEqualTo(3);
        assertThat(catchThrowableOfType(YamlTree.Unreadable.class, () -> YamlTree.read("a: 1\nb: !!set {x: null}\n")).line()).isEqualTo(2);
        assertThat(catchThrowableOfType(YamlTree.Unreadable.class, () -> YamlTree.read("a: 1\nb: !custom value\n")).line()).isEqualTo(2);
        assertThat(catchThrowableOfType(YamlTree.Unreadable.class, () -> YamlTree.read("a: 1\n? [k]\n: v\n")).line()).isEqualTo(2);
    }

    @Test
    void syntaxErrorsAndForbiddenCharactersCarryTheirLine() {
        YamlTree.Unreadable unclosed = catchThrowableOfType(YamlTree.Unreadable.class, () -> YamlTree.read("a: 1\nkey: [unclosed\n"));
        YamlTree.Unreadable control = catchThrowableOfType(YamlTree.Unreadable.class, () -> YamlTree.read("a: 1\nb: 2\nc: x\u0001y\n"));

        assertThat(unclosed.line()).isEqualTo(3);
        assertThat(unclosed.getMessage()).contains("expected ',' or ']'");
        assertThat(control.line()).isEqualTo(3);
        assertThat(control.getMessage()).contains("U+1").doesNotContain("Exception");
    }
}
