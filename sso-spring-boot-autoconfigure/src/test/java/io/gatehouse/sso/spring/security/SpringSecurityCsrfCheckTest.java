package io.gatehouse.sso.spring.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatehouse's POSTs need Spring Security's CSRF token even where the application's CsrfFilter ignores the
 * Gatehouse routes, and fall back to the same-origin check where the chain has no CSRF protection at all.
 */
class SpringSecurityCsrfCheckTest {
    private static final URI BASE = URI.create("http://app.example.com");
    private final HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
    private final SpringSecurityCsrfCheck check = new SpringSecurityCsrfCheck();

    /** Runs the request through a CsrfFilter that, like an application excluding them, does not check /accounts/**. */
    private MockHttpServletRequest throughFilterIgnoringGatehouse(MockHttpServletRequest request) throws Exception {
        CsrfFilter filter = new CsrfFilter(tokens);
        filter.setRequireCsrfProtectionMatcher(new NegatedRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/accounts/**")));
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return request;
    }

    private MockHttpServletRequest post(MockHttpServletRequest page) {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/accounts/signup/");
        post.setSession(page.getSession());
        return post;
    }

    @Test
    void aPostWithoutTheTokenIsRefusedThoughTheApplicationsFilterIgnoresTheRoute() throws Exception {
        MockHttpServletRequest page = throughFilterIgnoringGatehouse(new MockHttpServletRequest("GET", "/accounts/signup/"));
        ((CsrfToken) page.getAttribute(CsrfToken.class.getName())).getToken();

        MockHttpServletRequest forged = throughFilterIgnoringGatehouse(post(page));

        assertThat(check.allows(forged, BASE)).isFalse();
    }

    @Test
    void aPostWithTheMaskedTokenOfTheFormIsAllowed() throws Exception {
        MockHttpServletRequest page = throughFilterIgnoringGatehouse(new MockHttpServletRequest("GET", "/accounts/signup/"));
        var fields = check.hiddenFields(page);
        MockHttpServletRequest post = post(page);
        fields.forEach(post::addParameter);

        assertThat(fields).containsOnlyKeys("_csrf");
        assertThat(check.allows(throughFilterIgnoringGatehouse(post), BASE)).isTrue();
    }

    @Test
    void withoutCsrfProtectionInTheChainTheSameOriginCheckApplies() {
        MockHttpServletRequest sameSite = new MockHttpServletRequest("POST", "/accounts/signup/");
        sameSite.addHeader("Origin", "http://app.example.com");
        MockHttpServletRequest crossSite = new MockHttpServletRequest("POST", "/accounts/signup/");
        crossSite.addHeader("Origin", "https://evil.example.net");

        assertThat(check.allows(sameSite, BASE)).isTrue();
        assertThat(check.allows(crossSite, BASE)).isFalse();
        assertThat(check.hiddenFields(sameSite)).isEmpty();
    }
}
