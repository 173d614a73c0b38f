package io.gatehouse.sso.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.URI;
import java.util.function.Consumer;

/**
 * An embedded Jetty 12 (ee10) on a free port with the application under {@code /app}: the SSO servlet
 * as the test registers it, and {@code /app/me}, a tiny page printing the signed-in user's id
 * ({@code anonymous} otherwise; {@code ?touch} creates a session first).
 */
final class TestServer implements AutoCloseable {
    static final String CONTEXT = "/app";

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    /** A server with {@code servlet} mapped to {@code /accounts/*}. */
    static TestServer with(SsoServlet servlet) {
        return new TestServer(context -> context.addServlet(new ServletHolder(servlet), "/accounts/*"));
    }

    TestServer(Consumer<ServletContextHandler> registration) {
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath(CONTEXT);
        registration.accept(context);
        context.addServlet(new ServletHolder(new WhoAmI()), "/me");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    /** {@code http://localhost:<port><path>} */
    URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    /** The path and query of a public URL (what a load balancer forwards), on this server. */
    URI at(URI publicUrl) {
        return uri(publicUrl.getRawPath() + (publicUrl.getRawQuery() == null ? "" : "?" + publicUrl.getRawQuery()));
    }

    /** The origin a browser would send in {@code Origin}. */
    String origin() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }

    /** Prints who is signed in, through the default binder: the host's view of the session. */
    static final class WhoAmI extends HttpServlet {
        private final HttpSessionBinder binder = new HttpSessionBinder();

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getParameter("touch") != null) {
                request.getSession(true);
            }
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().print(binder.currentUserId(request).orElse("anonymous"));
        }
    }
}
