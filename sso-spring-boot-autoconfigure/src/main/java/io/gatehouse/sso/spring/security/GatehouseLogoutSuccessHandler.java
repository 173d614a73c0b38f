package io.gatehouse.sso.spring.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * The chain's logout success handler, wrapped by Gatehouse's DSL: after a sign-out that continues at the IdP
 * ({@link GatehouseLogoutHandler} left its end-session URL on the request) the browser goes there; after any other
 * sign-out the application's own handler answers as before (its {@code logoutSuccessUrl}, say).
 *
 * <pre>{@code
 * logout.logoutSuccessHandler(new GatehouseLogoutSuccessHandler(logout.getLogoutSuccessHandler()));
 * }</pre>
 */
public final class GatehouseLogoutSuccessHandler implements LogoutSuccessHandler {
    private final LogoutSuccessHandler application;

    /**
     * Wraps the application's own success handler, which answers whenever no IdP sign-out follows.
     *
     * @param application the success handler the security chain had
     */
    public GatehouseLogoutSuccessHandler(LogoutSuccessHandler application) {
        this.application = Objects.requireNonNull(application, "application");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (request.getAttribute(GatehouseLogoutHandler.END_SESSION_ATTRIBUTE) instanceof URI endSession) {
            response.sendRedirect(endSession.toString());
        } else {
            application.onLogoutSuccess(request, response, authentication);
        }
    }
}
