package io.gatehouse.sso.spring.actuate;

import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.servlet.SsoServlet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times each request to {@code <accounts>/<provider>/login/callback/} around the servlet and records it with
 * the outcome the servlet left on the request ({@link SsoServlet#OUTCOME_ATTRIBUTE}). The provider id in the
 * URL is the client's choice, so only ids Gatehouse knows ({@link KnownRoutes}) become tag values; any other
 * is counted as {@code other}, which keeps the number of time series bounded.
 */
public final class CallbackMetricsFilter extends HttpFilter {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final Pattern CALLBACK = Pattern.compile("/([A-Za-z0-9][A-Za-z0-9_.-]{0,99})/login/callback/?");

    private final transient GatehouseMetrics metrics;
    private final transient KnownRoutes known;
    /** Where the routes are mounted, e.g. {@code /accounts}. */
    private final String accountsPath;

    /**
     * @param accountsPath where the routes are mounted, e.g. {@code /accounts}
     *
     * @param metrics where the timings go
     * @param known the route ids that may become tag values
     */
    public CallbackMetricsFilter(GatehouseMetrics metrics, KnownRoutes known, String accountsPath) {
        this.metrics = metrics;
        this.known = known;
        this.accountsPath = accountsPath;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher callback = path.startsWith(accountsPath) ? CALLBACK.matcher(path.substring(accountsPath.length())) : null;
        if (callback == null || !callback.matches()) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object outcome = request.getAttribute(SsoServlet.OUTCOME_ATTRIBUTE);
            String provider = known.contains(callback.group(1)) ? callback.group(1) : "other";
            metrics.callback(provider, outcome instanceof LoginOutcome o ? o : null, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
