package dev.pauta.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleTest {

    @Test
    void theHashIsSha256OverEachPathAndContentFollowedByAZeroByteInPathOrder() throws Exception {
        Bundle bundle = new Bundle(Map.of("rules/b.drl", "rule \"ñ\"", "manual/es/a.md", "# Atención\n"));

        // Written out with the JDK, the way releases already stored in a database were hashed.
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String[] document : new String[][] {{"manual/es/a.md", "# Atención\n"}, {"rules/b.drl", "rule \"ñ\""}}) {
            for (String part : document) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }

        assertThat(bundle.hash()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
    }

    @Test
    void bundlesThatDifferOnlyWhereAPathEndsHashApart() {
        Bundle one = new Bundle(Map.of("rules/a.drl", "xrule"));
        Bundle other = new Bundle(Map.of("rules/a.drlx", "rule"));

        assertThat(one.hash()).isNotEqualTo(other.hash());
    }
}
