package io.gatehouse.sso.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sends an unauthenticated browser to the application's login page, with the page it asked for as
 * {@code next}, which the login links hand to Gatehouse ({@code /accounts/<provider>/login/?next=...}); the
 * engine accepts only a same-origin path there, so this is no open redirect.
 *
 * <pre>{@code
 * http.exceptionHandling(e -> e.authenticationEntryPoint(new LoginPageEntryPoint("/login")));
 * }</pre>
 */
public final class LoginPageEntryPoint implements AuthenticationEntryPoint {
    private final String loginPage;

    /** @param loginPage application-relative path of the login page, e.g. {@code /login} */
    public LoginPageEntryPoint(String loginPage) {
        if (loginPage == null || !loginPage.startsWith("/")) {
            throw new IllegalArgumentException("the login page must be a path starting with '/', not '" + loginPage + "'");
        }
        this.loginPage = loginPage;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        String asked = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String separator = loginPage.contains("?") ? "&" : "?";
        response.sendRedirect(request.getContextPath() + loginPage + separator + "next="
                + URLEncoder.encode(asked, StandardCharsets.UTF_8));
    }
}
