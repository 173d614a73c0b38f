package io.gatehouse.sso.buildchecks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Markdown text links to, and the anchors it offers to links from elsewhere. Fenced code blocks
 * and inline code are not Markdown, so links and headings in them are ignored. Anchors follow GitHub's
 * rule, since that is where the documentation is read: the heading's text in lower case, without
 * punctuation other than {@code -} and {@code _}, spaces turned into {@code -}, and {@code -1},
 * {@code -2}, ... appended to repeats.
 *
 * <pre>{@code
 * MarkdownDocument doc = MarkdownDocument.parse("## Keys: encryption at rest\nSee [mail](mail.md#settings).");
 * doc.anchors();  // [keys-encryption-at-rest]
 * doc.links();    // [Link[line=2, target=mail.md#settings]]
 * }</pre>
 *
 * @param links   every link destination outside code, in order
 * @param anchors every anchor a heading (or an HTML {@code id} / {@code name}) defines
 */
record MarkdownDocument(List<Link> links, Set<String> anchors) {

    /** One link destination as written, e.g. {@code ../SECURITY.md#threat-model}. */
    record Link(int line, String target) {
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern LINK_IN_HEADING = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    static MarkdownDocument parse(String text) {
        List<Link> links = new ArrayList<>();
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        String openFence = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fence = FENCE.matcher(line);
            if (openFence != null) {
                if (fence.find() && closes(fence.group(1), openFence, line)) {
                    openFence = null;
                }
                continue;
            }
            if (fence.find()) {
                openFence = fence.group(1);
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(numbered(slug(heading.group(1)), seen));
            }
            String prose = CODE_SPAN.matcher(line).replaceAll(" ");
            collect(INLINE_LINK.matcher(prose), i + 1, links);
            collect(REFERENCE_DEFINITION.matcher(prose), i + 1, links);
            Matcher html = HTML_ANCHOR.matcher(prose);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return new MarkdownDocument(List.copyOf(links), Set.copyOf(anchors));
    }

    /** GitHub's anchor for a heading's text (before numbering repeats). */
    static String slug(String headingText) {
        String text = LINK_IN_HEADING.matcher(headingText).replaceAll("$1").replace("`", "");
        return NOT_IN_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    /** A closing fence uses the opening fence's character, at least as many times, and nothing else. */
    private static boolean closes(String fence, String openFence, String line) {
        return fence.charAt(0) == openFence.charAt(0) && fence.length() >= openFence.length()
                && line.strip().length() == fence.length();
    }

    private static String numbered(String slug, Map<String, Integer> seen) {
        int count = seen.merge(slug, 1, Integer::sum);
        return count == 1 ? slug : slug + "-" + (count - 1);
    }

    private static void collect(Matcher matcher, int line, List<Link> links) {
        while (matcher.find()) {
            String target = matcher.group(1);
            if (target.startsWith("<") && target.endsWith(">")) {
                target = target.substring(1, target.length() - 1);
            }
            links.add(new Link(line, target));
        }
    }
}
