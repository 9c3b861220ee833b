package io.docmatrix.query.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InertTest {

    @Test
    void turnsLinksAndImagesIntoTheirText() {
        String out =
                Inert.text("See [the site](https://evil.example/x) and ![a cat](https://evil.example/cat.png) [C1].");

        assertThat(out).isEqualTo("See the site and a cat [C1].").doesNotContain("http");
    }

    @Test
    void removesHtmlTagsAndReferenceDefinitions() {
        String out =
                Inert.text("Click <a href=\"https://x\">here</a><script>alert(1)</script> [ref][1]\n[1]: https://x");

        assertThat(out).doesNotContain("<a").doesNotContain("<script").doesNotContain("https://x");
        assertThat(out).contains("here").contains("ref");
    }

    @Test
    void keepsCitationTags() {
        assertThat(Inert.text("Fact one [C1][C2]. Fact two [C3].")).isEqualTo("Fact one [C1][C2]. Fact two [C3].");
    }

    @Test
    void defusesAnUnclosedTag() {
        assertThat(Inert.text("x <img src=x onerror=alert(1)")).doesNotContain("<img");
    }
}
