package io.gatehouse.sso.servlet;

/**
 * Escapes text for HTML element content and quoted attribute values: everything a page shows passes
 * through here, so IdP-supplied names or codes cannot inject markup.
 *
 * <pre>{@code
 * Html.escape("<b>Ada</b> & \"Bob\""); // "&lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Bob&quot;"
 * }</pre>
 */
public final class Html {
    private Html() {
    }

    /**
     * The escaped text; null becomes the empty string.
     *
     * @param text the text to put into HTML text or a quoted attribute
     * @return the text with {@code & < > " '} escaped
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
