package io.gatehouse.sso.buildchecks;

/**
 * A link in a Markdown file that leads nowhere.
 *
 * @param file   the Markdown file, relative to the repository root, with {@code /} separators
 * @param line   1-based line of the link
 * @param target the link's destination as written
 * @param reason why it does not resolve
 */
record BrokenLink(String file, int line, String target, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": (" + target + ") " + reason;
    }
}
