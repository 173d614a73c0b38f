package io.gatehouse.sso.buildchecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code ```java} block of the repository's Markdown against the compiled source it mirrors. A block is
 * preceded (blank lines aside) by a marker naming a file, relative to the repository root, and a region in it
 * (a block of another language with a marker, such as the YAML a test runs with, is compared the same way;
 * its region lines are {@code # snippet:name} and {@code # end:name}):
 * <pre>
 * &lt;!-- snippet: examples/first-sign-in/src/test/java/.../JdbcSnippets.java#open-stores --&gt;
 * ```java
 * </pre>
 * The region is the lines between {@code // snippet:open-stores} and {@code // end:open-stores}; a name that
 * appears several times (imports at the top of the file, statements in a method) is its parts in file order, one
 * blank line apart. Marker lines of other regions inside it are left out, so regions may overlap. Block and
 * region are compared line by line after removing each part's common indentation and trailing blanks: the
 * documentation may indent differently, never differ. Java that is not meant to compile belongs in a
 * {@code ```text} block.
 *
 * <pre>{@code
 * List<SnippetMismatch> wrong = new JavaSnippets(RepositoryRoot.find(Path.of(""))).mismatches();
 * }</pre>
 */
final class JavaSnippets {
    private static final Pattern JAVA_FENCE = Pattern.compile("^(\\s*)```java\\s*$");
    private static final Pattern OTHER_FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*([^#\\s]+)#(\\S+)\\s*-->\\s*$");

    private final Path root;
    private int blocks;

    JavaSnippets(Path root) {
        this.root = root;
    }

    /** Every block that is not its region, in file order; also counts the blocks read ({@link #blocks()}). */
    List<SnippetMismatch> mismatches() {
        blocks = 0;
        List<SnippetMismatch> wrong = new ArrayList<>();
        for (Path file : new MarkdownLinks(root).files()) {
            check(file.toString().replace('\\', '/'), lines(root.resolve(file)), wrong);
        }
        return wrong;
    }

    /** How many Java blocks the last {@link #mismatches()} compared. */
    int blocks() {
        return blocks;
    }

    private void check(String name, List<String> lines, List<SnippetMismatch> wrong) {
        String marker = null;
        int markerLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher java = JAVA_FENCE.matcher(line);
            Matcher markerMatch = MARKER.matcher(line);
            if (java.matches()) {
                int end = closingFence(lines, i);
                blocks++;
                if (marker == null) {
                    wrong.add(new SnippetMismatch(name, i + 1, "a java block without a <!-- snippet: path#region --> "
                            + "marker before it (make it compiled code, or a ```text block)"));
                } else {
                    compare(name, i + 1, marker, lines.subList(i + 1, end), wrong);
                }
                marker = null;
                i = end;
            } else if (markerMatch.matches()) {
                marker = markerMatch.group(1) + "#" + markerMatch.group(2);
                markerLine = i + 1;
            } else if (OTHER_FENCE.matcher(line).find()) {
                int end = closingFence(lines, i);
                if (marker != null) {
                    compare(name, i + 1, marker, lines.subList(i + 1, end), wrong);
                    marker = null;
                }
                i = end;
            } else if (!line.isBlank()) {
                marker = orphan(name, markerLine, marker, wrong);
            }
        }
        orphan(name, markerLine, marker, wrong);
    }

    private static String orphan(String name, int markerLine, String marker, List<SnippetMismatch> wrong) {
        if (marker != null) {
            wrong.add(new SnippetMismatch(name, markerLine, "the snippet marker " + marker + " is not followed by a code block"));
        }
        return null;
    }

    private void compare(String name, int line, String marker, List<String> block, List<SnippetMismatch> wrong) {
        String path = marker.substring(0, marker.indexOf('#'));
        String region = marker.substring(marker.indexOf('#') + 1);
        Path source = root.resolve(path).normalize();
        if (!source.startsWith(root) || !Files.isRegularFile(source)) {
            wrong.add(new SnippetMismatch(name, line, path + " does not exist"));
            return;
        }
        List<String> expected = region(lines(source), region);
        if (expected.isEmpty()) {
            wrong.add(new SnippetMismatch(name, line, path + " has no region '" + region + "' (// snippet:" + region
                    + " ... // end:" + region + ", or # in YAML)"));
            return;
        }
        String difference = firstDifference(expected, normalised(block));
        if (difference != null) {
            wrong.add(new SnippetMismatch(name, line, "differs from " + marker + ": " + difference));
        }
    }

    /** The region's parts in file order, each without its common indentation, one blank line apart. */
    static List<String> region(List<String> source, String region) {
        List<String> joined = new ArrayList<>();
        List<String> part = null;
        for (String line : source) {
            String stripped = markerText(line);
            if (stripped.equals("snippet:" + region)) {
                part = new ArrayList<>();
            } else if (stripped.equals("end:" + region) && part != null) {
                if (!joined.isEmpty()) {
                    joined.add("");
                }
                joined.addAll(normalised(part));
                part = null;
            } else if (part != null && !stripped.startsWith("snippet:") && !stripped.startsWith("end:")) {
                part.add(line);
            }
        }
        return joined;
    }

    /** {@code snippet:name} for a line {@code // snippet:name} (Java) or {@code # snippet:name} (YAML, properties). */
    private static String markerText(String line) {
        String stripped = line.strip();
        if (stripped.startsWith("//")) {
            return stripped.substring(2).strip();
        }
        return stripped.startsWith("#") ? stripped.substring(1).strip() : "";
    }

    /** Without the common indentation, trailing blanks and blank lines at either end. */
    static List<String> normalised(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        List<String> kept = lines.subList(from, to);
        int indent = kept.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return kept.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "(end of region)";
            String a = i < actual.size() ? actual.get(i) : "(end of block)";
            if (!e.equals(a)) {
                return "line " + (i + 1) + " of the block is\n    " + a + "\n  where the compiled code has\n    " + e;
            }
        }
        return null;
    }

    private static int closingFence(List<String> lines, int open) {
        String fence = lines.get(open).strip().startsWith("~~~") ? "~~~" : "```";
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(fence)) {
                return i;
            }
        }
        return lines.size();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
