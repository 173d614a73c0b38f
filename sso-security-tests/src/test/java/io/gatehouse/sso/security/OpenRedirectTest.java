package io.gatehouse.sso.security;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.fixtures.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open redirects through {@code next} (a django-allauth advisory), through the whole engine: whatever the
 * login was started with, the redirect after it (and after a failure) is a same-origin path, else {@code /}.
 * {@code SafeNextTest} in sso-core covers the function itself.
 */
class OpenRedirectTest {
    final SecurityBench bench = new SecurityBench();

    @AfterEach
    void close() {
        bench.close();
    }

    LoginOutcome loginStartedWith(String next) {
        SecurityBench.Pending p = bench.begin(new LoginRequest(AuthProcess.LOGIN, next, EngineFixture.BASE, null, null));
        bench.answer(p, bench.idp.sign(bench.claims(p).build()));
        return bench.complete(p);
    }

    @ParameterizedTest(name = "next = {0}")
    @ValueSource(strings = {
            "https://evil.example/", "http://evil.example", "HTTPS://evil.example", "//evil.example", "///evil.example",
            "/\\evil.example", "\\\\evil.example", "\\/evil.example", "/%2F%2Fevil.example", "%2F%2Fevil.example",
            "/%2f%2fevil.example", "/%5Cevil.example", "/%5cevil.example", "/%252F%252Fevil.example",
            "/%25252F%25252Fevil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>",
            " //evil.example", "/\t/evil.example", "/\n/evil.example", "/%09/evil.example", "/%0d%0aLocation:%20https://evil.example",
            "https:evil.example", "http:/evil.example", "evil.example", "@evil.example", "/%", "/%E0%A4%A"})
    void anOffSiteOrMalformedNextBecomesTheSiteRoot(String next) {
        LoginOutcome begun = bench.engine.beginLogin(SecurityBench.ROUTE, new LoginRequest(AuthProcess.LOGIN, next, EngineFixture.BASE, null, null));
        assertThat(begun.next()).as("next after begin").isEqualTo("/");

        LoginOutcome completed = loginStartedWith(next);

        assertThat(completed).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(completed.next()).as("next after sign-in").isEqualTo("/");
    }

    @Test
    void aSameSiteNextIsKept() {
        assertThat(loginStartedWith("/parts/?category=4&page=2").next()).isEqualTo("/parts/?category=4&page=2");
    }

    @Test
    void anOverlongNextBecomesTheSiteRoot() {
        assertThat(loginStartedWith("/" + "a".repeat(5000)).next()).isEqualTo("/");
    }

    @Test
    void aNextAddedToTheCallbackIsIgnored() {
        SecurityBench.Pending p = bench.begin(new LoginRequest(AuthProcess.LOGIN, "/parts/", EngineFixture.BASE, null, null));
        bench.answer(p, bench.idp.sign(bench.claims(p).build()));

        LoginOutcome outcome = bench.engine.completeLogin(SecurityBench.ROUTE, new CallbackRequest(Map.of("state", List.of(p.state()),
                "code", List.of(p.code()), "next", List.of("https://evil.example/")), p.cookies(), EngineFixture.BASE, null));

        assertThat(outcome.next()).isEqualTo("/parts/");
    }

    @Test
    void aFailedLoginAlsoRedirectsOnlyOnSite() {
        SecurityBench.Pending p = bench.begin(new LoginRequest(AuthProcess.LOGIN, "//evil.example", EngineFixture.BASE, null, null));
        bench.answer(p, bench.idp.sign(bench.claims(p).subject(null).build()));

        assertThat(bench.complete(p)).isInstanceOfSatisfying(LoginOutcome.Failed.class, f -> assertThat(f.next()).isEqualTo("/"));
    }
}
