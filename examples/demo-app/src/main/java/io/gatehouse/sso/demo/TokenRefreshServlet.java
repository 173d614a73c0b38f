package io.gatehouse.sso.demo;

import io.gatehouse.sso.core.TokenOutcome;
import io.gatehouse.sso.servlet.Html;
import io.gatehouse.sso.spi.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /tokens/refresh} ({@code provider}; CSRF-checked by {@link CsrfFilter}): the home page's "Refresh"
 * button. Asks Gatehouse to renew the signed-in user's access token at that provider now
 * ({@code engine.tokens().refresh}) and goes back home, where the new expiry shows; a failure (no refresh token,
 * revoked at the IdP, IdP down) is shown with its code.
 */
final class TokenRefreshServlet extends PageServlet {
    static final String PATH = "/tokens/refresh";

    TokenRefreshServlet(DemoContext demo) {
        super(demo);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = currentUser(request);
        String provider = request.getParameter("provider");
        if (user.isEmpty() || provider == null || provider.isBlank()) {
            redirect(response, "/");
            return;
        }
        TokenOutcome outcome = demo.engine().tokens().refresh(user.get().id(), provider, baseUrl(request));
        if (outcome instanceof TokenOutcome.Failed failed) {
            page(request, response, 502, "Token refresh failed", "<h1>Token refresh failed</h1><p class=\"error\" id=\"refresh-failed\">"
                    + Html.escape(failed.failure().message()) + " <code>" + Html.escape(failed.failure().code().code())
                    + "</code></p><p class=\"hint\">The details are in the error log (record " + Html.escape(String.valueOf(
                    failed.failure().errorLogId())) + ").</p><p><a href=\"/\">Home</a></p>");
            return;
        }
        redirect(response, "/");
    }
}
