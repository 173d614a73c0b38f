package io.gatehouse.sso.spring.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;

import java.io.IOException;
import java.util.Objects;

/**
 * How the {@code SecurityFilterChain} serving a request stores a sign-in: its security-context repository,
 * its session-authentication strategy (session fixation protection, CSRF token rotation) and its
 * context-holder strategy. Gatehouse's DSL puts it on every request of the chain ({@link #filter()}), so the
 * {@link SpringSecuritySessionBinder} in the servlet signs users in exactly as that chain's own login would.
 *
 * @param repository    where the security context is saved between requests
 * @param sessions      what happens to the session on sign-in
 * @param holder        the thread's context holder
 */
public record SignInContext(SecurityContextRepository repository, SessionAuthenticationStrategy sessions,
                            SecurityContextHolderStrategy holder) {
    /** The request attribute holding the context. */
    public static final String ATTRIBUTE = SignInContext.class.getName();

    /**
     * Requires every part.
     *
     * @param repository where the security context is saved between requests
     * @param sessions what happens to the session on sign-in
     * @param holder the thread's context holder
     */
    public SignInContext {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(holder, "holder");
    }

    /**
     * The context of the chain that served this request.
     *
     * @param request the request
     * @throws IllegalStateException when no chain with Gatehouse's DSL served it
     * @return the context
     */
    public static SignInContext of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof SignInContext context) {
            return context;
        }
        throw new IllegalStateException("The Gatehouse routes at " + request.getServletPath() + " are not served by a "
                + "SecurityFilterChain with Gatehouse's DSL: apply it with http.with(Gatehouse.dsl(), withDefaults()) to the "
                + "chain that matches them (or set gatehouse.security.apply-to-all-chains=true)");
    }

    /**
     * A filter that publishes this context on each request.
     *
     * @return the filter
     */
    public Filter filter() {
        SignInContext context = this;
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                request.setAttribute(ATTRIBUTE, context);
                chain.doFilter(request, response);
            }
        };
    }
}
