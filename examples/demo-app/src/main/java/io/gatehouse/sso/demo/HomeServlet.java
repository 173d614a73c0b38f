package io.gatehouse.sso.demo;

import io.gatehouse.sso.core.LoginChoice;
import io.gatehouse.sso.servlet.Html;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code GET /}: who is signed in, their linked accounts (with "disconnect"), their groups, and buttons to
 * connect another provider; a welcome with a sign-in button otherwise. Any other path is a 404 page.
 */
final class HomeServlet extends PageServlet {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    HomeServlet(DemoContext demo) {
        super(demo);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        if (!path.equals("/") && !path.isEmpty()) {
            page(request, response, 404, "Not found", "<h1>Not found</h1><p>There is no such page. <a href=\"/\">Home</a></p>");
            return;
        }
        Optional<User> user = currentUser(request);
        if (user.isEmpty()) {
            page(request, response, 200, "Welcome", welcome());
            return;
        }
        page(request, response, 200, "Home", signedIn(request, user.get()));
    }

    private static String welcome() {
        return "<h1>Welcome</h1>"
                + "<p>This is a small web application that signs users in with Gatehouse SSO: "
                + "pick an identity provider, come back signed in, "
                + "and see your groups follow the groups the provider sends.</p>"
                + "<p class=\"status\" id=\"signed-out\">You are not signed in.</p>"
                + "<p><a class=\"button\" id=\"sign-in\" href=\"/login\">Sign in</a></p>"
                + "<p class=\"hint\">Administrators configure providers, login settings and group mapping under "
                + "<a href=\"/admin/\">Admin</a>, and read the error log and the demo's mail there.</p>";
    }

    private String signedIn(HttpServletRequest request, User user) {
        List<SocialAccount> accounts = demo.stores().socialAccounts().findByUser(user.id());
        TreeSet<String> groups = new TreeSet<>(demo.stores().groups().groupNamesOf(user.id()));
        StringBuilder html = new StringBuilder();
        html.append("<h1>Hello, ").append(Html.escape(displayName(user))).append("</h1>");
        html.append("<p class=\"status\" id=\"signed-in\">Signed in as <strong id=\"username\">")
                .append(Html.escape(user.username())).append("</strong>")
                .append(user.email().isEmpty() ? "" : " &lt;<span id=\"email\">" + Html.escape(user.email()) + "</span>&gt;")
                .append("</p>");

        html.append("<h2>Groups</h2>");
        if (groups.isEmpty()) {
            html.append("<p id=\"groups\" class=\"hint\">No groups. With group sync on, the groups your identity provider "
                    + "sends are mapped to local groups by the admin's SSO group map at every sign-in.</p>");
        } else {
            html.append("<ul id=\"groups\" class=\"groups\">");
            groups.forEach(g -> html.append("<li class=\"group\">").append(Html.escape(g)).append("</li>"));
            html.append("</ul>");
        }

        html.append("<h2>Linked accounts</h2>");
        if (accounts.isEmpty()) {
            html.append("<p class=\"hint\">No linked accounts.</p>");
        } else {
            html.append("<table id=\"accounts\"><thead><tr><th>Provider</th><th>Account id</th><th>Linked</th>"
                    + "<th>Last sign-in</th><th>Access token expires</th><th></th></tr></thead><tbody>");
            for (SocialAccount account : accounts) {
                String action = "/accounts/" + urlPart(account.provider()) + "/disconnect/";
                html.append("<tr><td>").append(Html.escape(account.provider())).append("</td><td><code>")
                        .append(Html.escape(account.uid())).append("</code></td><td>").append(time(account.dateJoined()))
                        .append("</td><td>").append(time(account.lastLogin())).append("</td><td>").append(tokenCell(request, account))
                        .append("</td><td>")
                        .append("<form method=\"post\" action=\"").append(Html.escape(action)).append("\">")
                        .append(csrfField(request))
                        .append("<input type=\"hidden\" name=\"uid\" value=\"").append(Html.escape(account.uid())).append("\">")
                        .append("<input type=\"hidden\" name=\"next\" value=\"/\">")
                        .append("<button type=\"submit\" class=\"secondary\">Disconnect</button></form></td></tr>");
            }
            html.append("</tbody></table>");
        }

        List<LoginChoice> choices = loginChoices(request);
        if (!choices.isEmpty()) {
            html.append("<h2>Connect another account</h2><p class=\"hint\">Link one more identity to this user, so you can "
                    + "sign in with either.</p><div class=\"providers\">");
            for (LoginChoice choice : choices) {
                html.append("<form method=\"post\" action=\"/accounts/").append(Html.escape(urlPart(choice.id())))
                        .append("/login/?process=connect\">").append(csrfField(request))
                        .append("<input type=\"hidden\" name=\"next\" value=\"/\">")
                        .append("<button type=\"submit\" class=\"secondary\">Connect ").append(Html.escape(choice.name()))
                        .append("</button></form>");
            }
            html.append("</div>");
        }
        return html.toString();
    }

    /** The stored access token's expiry, and a button that renews it now (Gatehouse's refresh). */
    private String tokenCell(HttpServletRequest request, SocialAccount account) {
        Optional<SocialToken> token = demo.stores().socialAccounts().findToken(account.provider(), account.uid());
        if (token.isEmpty()) {
            return "<span class=\"hint\">no token</span>";
        }
        String expiry = token.get().expiresAt() == null ? "unknown" : time(token.get().expiresAt());
        String id = "token-expiry-" + Html.escape(account.provider());
        return "<span id=\"" + id + "\">" + expiry + "</span>"
                + (token.get().refreshToken() == null ? " <span class=\"hint\">(no refresh token)</span>" : "")
                + "<form method=\"post\" action=\"" + TokenRefreshServlet.PATH + "\">" + csrfField(request)
                + "<input type=\"hidden\" name=\"provider\" value=\"" + Html.escape(account.provider()) + "\">"
                + "<button type=\"submit\" class=\"secondary\" id=\"refresh-" + Html.escape(account.provider())
                + "\">Refresh</button></form>";
    }

    private List<LoginChoice> loginChoices(HttpServletRequest request) {
        try {
            return demo.engine().loginChoices(baseUrl(request));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static String displayName(User user) {
        String name = (user.firstName() + " " + user.lastName()).trim();
        return name.isEmpty() ? user.username() : name;
    }

    static String time(Instant instant) {
        return instant == null ? "" : Html.escape(TIME.format(instant));
    }

    static String urlPart(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
