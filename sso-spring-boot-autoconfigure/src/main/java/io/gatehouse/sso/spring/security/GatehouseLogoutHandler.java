package io.gatehouse.sso.spring.security;

import io.gatehouse.sso.servlet.RpInitiatedLogout;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Gatehouse's part of Spring Security's logout, added to the chain's {@code LogoutConfigurer} by the DSL, so
 * {@code POST /logout} ends a Gatehouse sign-in everywhere: the sign-in session in the engine's registry (for every
 * node) and, when the IdP publishes an {@code end_session_endpoint}, the IdP's session (OpenID Connect RP-Initiated
 * Logout: {@link RpInitiatedLogout}). It runs before Spring's own {@code SecurityContextLogoutHandler}, which then
 * clears the context and invalidates the HTTP session; the IdP's URL waits on the request for
 * {@link GatehouseLogoutSuccessHandler}, which sends the browser there instead of the chain's logout success URL. The
 * IdP sends it back to {@code /accounts/logout/callback/}, where the state is checked, then to the form's {@code next}
 * (a same-origin path; default {@code /}).
 *
 * <pre>{@code
 * http.logout(logout -> logout.addLogoutHandler(new GatehouseLogoutHandler(new RpInitiatedLogout(engine, "/accounts"))));
 * }</pre>
 */
public class GatehouseLogoutHandler implements LogoutHandler {
    /** The request attribute holding the IdP's end-session URL ({@link URI}) when the IdP's sign-out follows. */
    public static final String END_SESSION_ATTRIBUTE = GatehouseLogoutHandler.class.getName() + ".endSession";
    private static final Logger LOG = LoggerFactory.getLogger(GatehouseLogoutHandler.class);

    private final RpInitiatedLogout idp;

    /**
     * A handler that ends the sign-in session and prepares the IdP's sign-out.
     *
     * @param idp the servlet adapter's RP-initiated logout
     */
    public GatehouseLogoutHandler(RpInitiatedLogout idp) {
        this.idp = Objects.requireNonNull(idp, "idp");
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        Optional<String> session = RpInitiatedLogout.sessionId(request);
        if (session.isEmpty()) {
            return;
        }
        Optional<URI> endSession = idp.begin(request, response, session.get(), request.getParameter("next"));
        endSession.ifPresent(url -> request.setAttribute(END_SESSION_ATTRIBUTE, url));
        LOG.info("User {} signed out{}", authentication instanceof GatehouseAuthentication sso ? sso.getPrincipal().id() : "",
                endSession.isPresent() ? ", at the identity provider too" : "");
    }
}
