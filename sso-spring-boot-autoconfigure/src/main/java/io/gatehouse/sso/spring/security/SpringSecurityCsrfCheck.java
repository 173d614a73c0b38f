package io.gatehouse.sso.spring.security;

import io.gatehouse.sso.servlet.CsrfCheck;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Gatehouse's {@link CsrfCheck} on Spring Security's CSRF token: the forms Gatehouse renders carry the token
 * of the request ({@code _csrf} by default), and every POST to a Gatehouse route must present it, even when
 * the application excluded those routes from its own {@code CsrfFilter}. The token is read from the
 * application's {@code CsrfTokenRepository} through the attribute the {@code CsrfFilter} sets; both the masked
 * (BREACH-safe, Spring's default) and the plain form are accepted. A chain with CSRF protection turned off
 * has no token: then Gatehouse's own same-origin check applies, so its POSTs are never unprotected.
 *
 * <pre>{@code
 * SsoServlet.builder(engine).csrfCheck(new SpringSecurityCsrfCheck()).build();
 * }</pre>
 */
public final class SpringSecurityCsrfCheck implements CsrfCheck {
    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfCheck withoutToken = CsrfCheck.sameOrigin();

    @Override
    public boolean allows(HttpServletRequest request, URI baseUrl) {
        if (!(request.getAttribute(DeferredCsrfToken.class.getName()) instanceof DeferredCsrfToken deferred)) {
            return withoutToken.allows(request, baseUrl);
        }
        CsrfToken expected = deferred.get();
        return same(expected.getToken(), masked.resolveCsrfTokenValue(request, expected))
                || same(expected.getToken(), plain.resolveCsrfTokenValue(request, expected));
    }

    @Override
    public Map<String, String> hiddenFields(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            return Map.of(token.getParameterName(), token.getToken());
        }
        return Map.of();
    }

    private static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
