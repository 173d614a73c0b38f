package io.gatehouse.sso.buildchecks;

/**
 * A Java block in a Markdown file that is not the compiled code it claims to be.
 *
 * @param file   the Markdown file, relative to the repository root, with {@code /} separators
 * @param line   1-based line of the block's opening fence
 * @param reason what is wrong: no snippet marker, a missing source or region, or the first differing line
 */
record SnippetMismatch(String file, int line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
