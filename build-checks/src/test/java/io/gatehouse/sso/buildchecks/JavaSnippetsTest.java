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

/** Every Java block in the repository's Markdown is code that `mvn verify` compiles, word for word. */
class JavaSnippetsTest {
    private final JavaSnippets repository = new JavaSnippets(RepositoryRoot.find(Path.of("")));

    @Test
    void everyJavaBlockInTheDocumentationIsTheCompiledRegionItNames() {
        List<SnippetMismatch> wrong = repository.mismatches();

        assertThat(wrong)
                .withFailMessage(() -> wrong.size() + " Java block(s) are not the compiled code they mirror:\n"
                        + wrong.stream().map(SnippetMismatch::toString).collect(Collectors.joining("\n")))
                .isEmpty();
        // the README's first sign-in and the guides' snippets: the check must not pass by reading nothing
        assertThat(repository.blocks()).isGreaterThan(30);
    }

    @Nested
    class OnASmallRepository {
        static final String SOURCE = """
                package demo;
                // snippet:open
                import java.util.List;
                // end:open
                class Demo {
                    void open() {
                        // snippet:open
                        List<String> names = List.of("a");
                        // end:open
                        // snippet:other
                        int n = 1;
                        // end:other
                    }
                }
                """;
        static final String MARKER = "<!-- snippet: src/Demo.java#open -->\n";

        @TempDir
        Path root;

        List<String> mismatches(String readme) throws IOException {
            write("src/Demo.java", SOURCE);
            write("README.md", readme);
            return new JavaSnippets(root).mismatches().stream().map(SnippetMismatch::toString).toList();
        }

        void write(String path, String text) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }

        @Test
        void aBlockEqualToItsRegionsPartsOneBlankLineApartPassesWhateverItsIndentation() throws IOException {
            assertThat(mismatches("# Demo\n\n" + MARKER + "\n```java\nimport java.util.List;\n\n"
                    + "List<String> names = List.of(\"a\");\n```\n\n- a list item:\n\n  " + MARKER
                    + "  ```java\n    import java.util.List;\n\n    List<String> names = List.of(\"a\");\n  ```\n")).isEmpty();
        }

        @Test
        void aBlockThatDiffersFromItsRegionIsReportedWithTheFirstDifferentLine() throws IOException {
            assertThat(mismatches("# Demo\n\n" + MARKER + "```java\nimport java.util.List;\n\n"
                    + "List<String> names = List.of(\"b\");\n```\n")).singleElement().asString()
                    .startsWith("README.md:4: differs from src/Demo.java#open: line 3 of the block is")
                    .contains("List.of(\"b\")", "List.of(\"a\")");
        }

        @Test
        void aBlockShorterThanItsRegionIsReported() throws IOException {
            assertThat(mismatches(MARKER + "```java\nimport java.util.List;\n```\n")).singleElement().asString()
                    .contains("line 2 of the block is", "(end of block)");
        }

        @Test
        void aJavaBlockWithoutAMarkerIsReportedAndATextBlockIsNot() throws IOException {
            assertThat(mismatches("# Demo\n\n```text\nnot java;\n```\n\n```java\nint n = 1;\n```\n"))
                    .containsExactly("README.md:7: a java block without a <!-- snippet: path#region --> marker before it "
                            + "(make it compiled code, or a ```text block)");
        }

        @Test
        void aMarkerNamingAMissingFileOrRegionIsReported() throws IOException {
            assertThat(mismatches("<!-- snippet: src/Gone.java#open -->\n```java\nint n = 1;\n```\n\n"
                    + "<!-- snippet: src/Demo.java#gone -->\n```java\nint n = 1;\n```\n"))
                    .containsExactly("README.md:2: src/Gone.java does not exist",
                            "README.md:7: src/Demo.java has no region 'gone' (// snippet:gone ... // end:gone, or # in YAML)");
        }

        @Test
        void aMarkerFollowedByProseInsteadOfAJavaBlockIsReported() throws IOException {
            assertThat(mismatches("# Demo\n\n" + MARKER + "Some prose.\n")).containsExactly(
                    "README.md:3: the snippet marker src/Demo.java#open is not followed by a code block");
        }

        @Test
        void aYamlBlockWithAMarkerIsComparedWithItsHashCommentRegion() throws IOException {
            write("src/app.yml", "# snippet:props\ngatehouse:\n  social-backends: openid_connect\n# end:props\nother: 1\n");

            assertThat(mismatches("<!-- snippet: src/app.yml#props -->\n```yaml\ngatehouse:\n  social-backends: openid_connect\n```\n"
                    + "\n<!-- snippet: src/app.yml#props -->\n```yaml\ngatehouse:\n  social-backends: github\n```\n"))
                    .singleElement().asString().startsWith("README.md:8: differs from src/app.yml#props: line 2 of the block");
        }

        @Test
        void aMarkerOutsideTheRepositoryIsReportedAsMissing() throws IOException {
            assertThat(mismatches("<!-- snippet: ../outside/Demo.java#open -->\n```java\nint n = 1;\n```\n"))
                    .containsExactly("README.md:2: ../outside/Demo.java does not exist");
        }
    }
}
