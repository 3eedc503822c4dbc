package dev.pauta.web;

import dev.pauta.manual.Bundle;
import dev.pauta.manual.ManualReader;
import dev.pauta.manual.Problem;
import dev.pauta.manual.Section;
import java.util.List;
import java.util.Map;

/**
 * A section file as it would read once published: its sanitized HTML, rendered by the same reader that builds releases,
 * and the problems of that file alone. Rules and scenarios have no preview.
 */
record Preview(String html, List<Problem> problems, boolean section) {

    private static final ManualReader READER = new ManualReader();

    static Preview of(String path, String content) {
        if (!path.startsWith("manual/") || !Bundle.isDocumentPath(path)) {
            return new Preview(null, List.of(), false);
        }
        ManualReader.Result read = READER.read(new Bundle(Map.of(path, content)));
        String html = read.manual().allSections().stream().findFirst().map(Section::html).orElse(null);
        // a lone file misses its other locale and the sections it links to; those checks belong to validation
        List<Problem> own = read.problems().stream().filter(p -> path.equals(p.path()))
                .filter(p -> !p.message().contains("locale") && !p.message().contains("link")).toList();
        return new Preview(html, own, true);
    }
}
