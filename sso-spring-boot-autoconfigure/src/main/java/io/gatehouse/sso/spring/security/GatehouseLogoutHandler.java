package io.gatehouse.sso.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Gatehouse's part of Spring Security's logout, added to the chain's {@code LogoutConfigurer} by the DSL, so
 * {@code POST /logout} ends a Gatehouse sign-in like any other. It runs before Spring's own
 * {@code SecurityContextLogoutHandler}, which then clears the context and invalidates the session (with it
 * everything Gatehouse kept there: a pending sign-up, an awaited confirmation).
 *
 * <pre>{@code
 * http.logout(logout -> logout.addLogoutHandler(new GatehouseLogoutHandler()));
 * }</pre>
 */
public class GatehouseLogoutHandler implements LogoutHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GatehouseLogoutHandler.class);

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof GatehouseUser user)) {
            return;
        }
        LOG.info("User {} signed out", user.id());
        // RP-INITIATED LOGOUT PLUGS IN HERE (session-lifecycle issue): once the engine can end the IdP session,
        // ask it for the end_session_endpoint redirect of this user's identity (id_token_hint, post-logout URI)
        // and leave it on the request for the chain's LogoutSuccessHandler to send. Until then logout is local:
        // the session Spring Security invalidates next is the only one Gatehouse created.
    }
}
