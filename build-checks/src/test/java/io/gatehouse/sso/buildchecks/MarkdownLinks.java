package io.gatehouse.sso.buildchecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks every relative link of every Markdown file under a repository root: the file or directory it
 * names must exist inside the repository, and an anchor ({@code guide.md#heading}, or {@code #heading}
 * in the same file) must be one a heading of that Markdown file defines. Links with a scheme
 * ({@code https:}, {@code mailto:}) are not followed. Build output ({@code target}) and hidden
 * directories ({@code .git}) are skipped.
 *
 * <pre>{@code
 * List<BrokenLink> broken = new MarkdownLinks(RepositoryRoot.find(Path.of(""))).broken();
 * }</pre>
 */
final class MarkdownLinks {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final Path root;
    private final Map<Path, MarkdownDocument> documents = new HashMap<>();

    MarkdownLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every Markdown file this check reads, relative to the root. */
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(root) && (name.startsWith(".") || name.equals("target")
                            || name.equals("node_modules"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        files.add(root.relativize(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    /** The links that do not resolve, in file and line order. */
    List<BrokenLink> broken() {
        List<BrokenLink> broken = new ArrayList<>();
        for (Path file : files()) {
            Path absolute = root.resolve(file);
            for (MarkdownDocument.Link link : document(absolute).links()) {
                String reason = problem(absolute, link.target());
                if (reason != null) {
                    broken.add(new BrokenLink(file.toString().replace('\\', '/'), link.line(), link.target(), reason));
                }
            }
        }
        return broken;
    }

    /** Why a link from {@code from} does not resolve, or null when it does. */
    private String problem(Path from, String target) {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? "" : target.substring(hash + 1);
        int query = path.indexOf('?');
        // percent-escapes only: a '+' in a path is a plus, not a space
        path = URLDecoder.decode((query < 0 ? path : path.substring(0, query)).replace("+", "%2B"), StandardCharsets.UTF_8);
        Path resolved = path.isEmpty() ? from
                : (path.startsWith("/") ? root.resolve(path.substring(1)) : from.getParent().resolve(path)).normalize();
        if (!resolved.startsWith(root)) {
            return "leads out of the repository";
        }
        if (!Files.exists(resolved)) {
            return root.relativize(resolved) + " does not exist";
        }
        if (!anchor.isEmpty() && resolved.toString().endsWith(".md") && !document(resolved).anchors().contains(anchor)) {
            return root.relativize(resolved) + " has no heading with the anchor #" + anchor;
        }
        return null;
    }

    private MarkdownDocument document(Path file) {
        return documents.computeIfAbsent(file, f -> {
            try {
                return MarkdownDocument.parse(Files.readString(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
