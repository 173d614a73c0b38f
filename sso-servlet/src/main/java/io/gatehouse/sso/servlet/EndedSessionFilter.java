package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.spi.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * Signs out, on any node, a browser whose sign-in session has ended elsewhere: the IdP's back-channel logout (received
 * by whichever node), a sign-out in another tab, or the session's maximum age. Map it in front of the host's pages
 * (e.g. {@code /*}); each request whose HTTP session carries a sign-in session ({@link SsoSessionAttribute}) is
 * checked against the engine's registry, one look-up by primary key. An ended session is signed out through the
 * {@link SessionBinder} and the request goes on as anonymous. When the registry cannot be read the request is
 * answered 503 (try again), neither signed out nor let through.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(new EndedSessionFilter(engine, binder)), "/*", EnumSet.of(DispatcherType.REQUEST));
 * // web.xml: map io.gatehouse.sso.servlet.EndedSessionFilter; it reads the SsoServlet's servlet-context attributes
 * }</pre>
 */
public class EndedSessionFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(EndedSessionFilter.class);

    private LoginEngine engine;
    private SessionBinder sessionBinder;

    /** For containers that instantiate the filter: the engine (and binder) come from {@link SsoServlet}'s context attributes. */
    public EndedSessionFilter() {
    }

    public EndedSessionFilter(LoginEngine engine, SessionBinder sessionBinder) {
        this.engine = engine;
        this.sessionBinder = sessionBinder;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        if (engine == null) {
            if (!(config.getServletContext().getAttribute(SsoServlet.ENGINE_ATTRIBUTE) instanceof LoginEngine fromContext)) {
                throw new ServletException("EndedSessionFilter needs a LoginEngine: set the servlet-context attribute '"
                        + SsoServlet.ENGINE_ATTRIBUTE + "' or construct the filter with it");
            }
            engine = fromContext;
        }
        if (sessionBinder == null) {
            Object binder = config.getServletContext().getAttribute(SsoServlet.SESSION_BINDER_ATTRIBUTE);
            sessionBinder = binder instanceof SessionBinder b ? b : new HttpSessionBinder();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> sessionId = SsoSessionAttribute.of(request);
        if (sessionId.isPresent()) {
            boolean live;
            try {
                live = engine.sessions().isLive(sessionId.get());
            } catch (PersistenceException e) {
                LOG.warn("The sign-in session registry cannot be read; answering 503: {}", e.getMessage());
                response.setHeader("Retry-After", "5");
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            if (!live) {
                // ended by a back-channel logout on any node, a sign-out elsewhere, or its maximum age
                sessionBinder.signOut(request, response);
                LOG.info("Signed out a browser whose sign-in session had ended");
            }
        }
        chain.doFilter(request, response);
    }
}
