package io.gatehouse.sso.buildchecks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading links and anchors out of Markdown the way GitHub renders it. */
class MarkdownDocumentTest {

    @Test
    void anAnchorIsTheHeadingInLowerCaseWithPunctuationDroppedAndSpacesAsHyphens() {
        assertThat(MarkdownDocument.slug("Storing everything in a database: `sso-persistence-jdbc`"))
                .isEqualTo("storing-everything-in-a-database-sso-persistence-jdbc");
        assertThat(MarkdownDocument.slug("The demo's own variables")).isEqualTo("the-demos-own-variables");
        assertThat(MarkdownDocument.slug("The demo app (`examples/demo-app`)")).isEqualTo("the-demo-app-examplesdemo-app");
    }

    @Test
    void underscoresAndLettersOutsideAsciiStayInTheAnchor() {
        assertThat(MarkdownDocument.slug("`social_backends`")).isEqualTo("social_backends");
        assertThat(MarkdownDocument.slug("Größe")).isEqualTo("größe");
    }

    @Test
    void aLinkInAHeadingContributesOnlyItsText() {
        assertThat(MarkdownDocument.slug("See [Mail](mail.md) first")).isEqualTo("see-mail-first");
    }

    @Test
    void repeatedHeadingsGetNumberedAnchors() {
        MarkdownDocument doc = MarkdownDocument.parse("# Tests\n## Tests\n### Tests ###\n");

        assertThat(doc.anchors()).containsExactlyInAnyOrder("tests", "tests-1", "tests-2");
    }

    @Test
    void headingsInsideAFencedBlockDefineNoAnchor() {
        MarkdownDocument doc = MarkdownDocument.parse("```bash\n# not a heading\n```\n# Real\n");

        assertThat(doc.anchors()).containsExactly("real");
    }

    @Test
    void aFenceClosesOnlyWithTheSameCharacterAtLeastAsLong() {
        MarkdownDocument doc = MarkdownDocument.parse("````\n```\n[in](a.md)\n~~~~\n````\n[out](b.md)\n");

        assertThat(doc.links()).extracting(MarkdownDocument.Link::target).containsExactly("b.md");
    }

    @Test
    void linkTitlesAngleBracketsAndImagesAreUnderstood() {
        MarkdownDocument doc = MarkdownDocument.parse("[a](a.md \"Title\") [b](<b c.md>) ![img](pic.png)\n");

        assertThat(doc.links()).extracting(MarkdownDocument.Link::target).containsExactly("a.md", "b c.md", "pic.png");
    }

    @Test
    void htmlAnchorsCountAsAnchors() {
        assertThat(MarkdownDocument.parse("<a id=\"custom-place\"></a>\n").anchors()).containsExactly("custom-place");
    }

    @Test
    void eachLinkKnowsItsLine() {
        MarkdownDocument doc = MarkdownDocument.parse("one\n\n[x](x.md) and [y](y.md)\n");

        assertThat(doc.links()).containsExactly(new MarkdownDocument.Link(3, "x.md"), new MarkdownDocument.Link(3, "y.md"));
    }
}
