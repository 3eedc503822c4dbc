package dev.pauta.manual;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** Renders a section's Markdown to HTML that is safe to put in a page: sanitized, no scripts, no raw HTML. Thread-safe. */
final class MarkdownRenderer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr").allowAttributes("id").onElements("h1", "h2", "h3", "h4").toFactory());

    private final HtmlRenderer renderer;

    MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /** The document as sanitized HTML; the caller has bounded its depth (see {@link MarkdownLimits}). */
    String toHtml(Node document) {
        return POLICY.sanitize(renderer.render(document));
    }
}
