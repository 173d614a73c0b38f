package io.gatehouse.sso.buildchecks;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link and anchor in the repository's Markdown resolves, so no guide points nowhere. */
class MarkdownLinksTest {
    private final MarkdownLinks repository = new MarkdownLinks(RepositoryRoot.find(Path.of("")));

    @Test
    void everyRelativeLinkInTheRepositorysMarkdownResolves() {
        List<BrokenLink> broken = repository.broken();

        assertThat(broken)
                .withFailMessage(() -> broken.size() + " Markdown link(s) lead nowhere:\n"
                        + broken.stream().map(BrokenLink::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void theCheckReadsTheReadmeTheSecurityPolicyAndTheGuides() {
        assertThat(repository.files()).map(p -> p.toString().replace('\\', '/'))
                .contains("README.md", "SECURITY.md", "docs/configuration.md")
                .noneMatch(p -> p.contains("/target/"));
    }

    @Nested
    class OnASmallRepository {
        @TempDir
        Path root;

        List<String> brokenTargets(String readme) throws IOException {
            write("README.md", readme);
            write("docs/guide.md", "# Guide\n\n## Keys: encryption at rest\n\n## Settings\n\n## Settings\n");
            return new MarkdownLinks(root).broken().stream().map(BrokenLink::target).toList();
        }

        void write(String path, String text) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }

        @Test
        void aLinkToAFileThatDoesNotExistIsReportedWithItsLine() throws IOException {
            write("README.md", "# Readme\n\nSee [mail](docs/mail.md).\n");

            assertThat(new MarkdownLinks(root).broken()).singleElement()
                    .hasToString("README.md:3: (docs/mail.md) docs/mail.md does not exist");
        }

        @Test
        void linksToExistingFilesAndDirectoriesResolve() throws IOException {
            assertThat(brokenTargets("[g](docs/guide.md) [d](docs/) [self](README.md) [up](docs/../README.md)")).isEmpty();
        }

        @Test
        void aLinkFromASubdirectoryResolvesAgainstThatDirectory() throws IOException {
            write("docs/other.md", "[back](../README.md) [wrong](README.md)\n");

            assertThat(brokenTargets("# Readme\n")).containsExactly("README.md");
        }

        @Test
        void anAnchorMustNameAHeadingOfTheTargetFile() throws IOException {
            assertThat(brokenTargets("[a](docs/guide.md#keys-encryption-at-rest) [b](docs/guide.md#settings-1) "
                    + "[c](docs/guide.md#keys) [d](docs/guide.md#settings-2)"))
                    .containsExactly("docs/guide.md#keys", "docs/guide.md#settings-2");
        }

        @Test
        void anAnchorWithinTheSameFileMustNameOneOfItsHeadings() throws IOException {
            assertThat(brokenTargets("# Readme\n\n## Two commands\n\n[ok](#two-commands) [bad](#three-commands)\n"))
                    .containsExactly("#three-commands");
        }

        @Test
        void aLinkLeavingTheRepositoryIsReported() throws IOException {
            write("README.md", "[outside](../elsewhere.md)\n");

            assertThat(new MarkdownLinks(root).broken()).singleElement()
                    .extracting(BrokenLink::reason).isEqualTo("leads out of the repository");
        }

        @Test
        void linksWithASchemeAreNotFollowed() throws IOException {
            assertThat(brokenTargets("[w](https://example.com/missing.md) [m](mailto:a@example.com)")).isEmpty();
        }

        @Test
        void linksInCodeBlocksAndInlineCodeAreNotChecked() throws IOException {
            assertThat(brokenTargets("```md\n[x](missing.md)\n```\n\n   ~~~\n   [y](missing.md)\n   ~~~\n\n"
                    + "Write `[z](missing.md)` like this, then [real](missing.md).\n"))
                    .containsExactly("missing.md");
        }

        @Test
        void referenceDefinitionsAreChecked() throws IOException {
            assertThat(brokenTargets("See [the guide][g].\n\n[g]: docs/missing.md\n")).containsExactly("docs/missing.md");
        }

        @Test
        void markdownUnderBuildOutputAndHiddenDirectoriesIsNotRead() throws IOException {
            write("target/notes.md", "[x](missing.md)\n");
            write(".github/notes.md", "[x](missing.md)\n");

            assertThat(brokenTargets("# Readme\n")).isEmpty();
            assertThat(new MarkdownLinks(root).files()).map(Path::toString)
                    .containsExactlyInAnyOrder("README.md", Path.of("docs", "guide.md").toString());
        }
    }
}
