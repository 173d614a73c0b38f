package io.gatehouse.sso.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeNextTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/parts/", "/parts/?cat=4&page=2", "/a/b#frag", "/accounts/login/?next=%2Fparts%2F"})
    void sameOriginPathsAreKept(String next) {
        assertThat(SafeNext.of(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "http:/evil.example", "//evil.example", "/\\evil.example",
            "\\\\evil.example", "%2F%2Fevil.example", "/%2F%2Fevil.example", "/%5Cevil.example", "/%252F%252Fevil.example",
            "javascript:alert(1)", " /x", "/x\r\nLocation: https://evil", "relative/path", "", "/%E0%A4%A"})
    void offSiteAndTrickyTargetsBecomeTheRoot(String next) {
        assertThat(SafeNext.of(next)).isEqualTo("/");
    }

    @Test
    void nullAndOverLongValuesBecomeTheRoot() {
        assertThat(SafeNext.of(null)).isEqualTo("/");
        assertThat(SafeNext.of("/" + "a".repeat(5000))).isEqualTo("/");
    }
}
