package io.gatehouse.sso.admin;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginFailure;
import io.gatehouse.sso.core.TokenRevocation;
import io.gatehouse.sso.servlet.Html;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The linked identities: {@code GET /accounts?q=&page=} searches them by user, email, provider or uid;
 * {@code GET /accounts/view?provider=&uid=} shows one with its token (expiry and scopes, never the token);
 * {@code POST /accounts/unlink} removes a link, asking first when it is the user's last way to sign in;
 * {@code POST /accounts/token/delete} forgets the stored token.
 */
final class AccountsPages {
    static final int PAGE_SIZE = 25;
    private static final Logger LOG = LoggerFactory.getLogger(AccountsPages.class);

    private AccountsPages() {
    }

    static void search(AdminExchange ex) throws IOException {
        String q = ex.param("q");
        int page = ErrorLogPage.pageNumber(ex.param("page"));
        List<SocialAccount> found = ex.admin.accounts().search(q, page * PAGE_SIZE, PAGE_SIZE + 1);
        StringBuilder html = new StringBuilder("<h1>").append(ex.t("admin.accounts.title")).append("</h1>")
                .append("<form class=\"search\" method=\"get\" action=\"").append(Html.escape(ex.path("/accounts")))
                .append("\" role=\"search\"><div class=\"field\"><label for=\"f-q\">").append(ex.t("admin.accounts.search"))
                .append("</label><input type=\"search\" id=\"f-q\" name=\"q\" value=\"").append(Html.escape(q)).append("\">")
                .append("</div><p><button type=\"submit\" id=\"search\">").append(ex.t("admin.accounts.search_button"))
                .append("</button></p></form>");
        if (found.isEmpty()) {
            html.append("<p class=\"hint\" id=\"no-accounts\">").append(ex.t("admin.accounts.none")).append("</p>");
        } else {
            html.append("<table id=\"accounts\"><caption>").append(ex.t("admin.accounts.title")).append("</caption><thead><tr>");
            for (String column : List.of("user", "email", "provider", "uid", "last_login")) {
                html.append("<th scope=\"col\">").append(ex.t("admin.accounts." + column)).append("</th>");
            }
            html.append("</tr></thead><tbody>");
            for (SocialAccount a : found.subList(0, Math.min(PAGE_SIZE, found.size()))) {
                Optional<User> user = ex.admin.users().findById(a.userId());
                html.append("<tr><td><a href=\"").append(Html.escape(ex.path(viewPath(a)))).append("\">")
                        .append(Html.escape(user.map(User::username).orElse(a.userId()))).append("</a></td><td>")
                        .append(Html.escape(user.map(User::email).orElse(""))).append("</td><td>").append(Html.escape(a.provider()))
                        .append("</td><td><code>").append(Html.escape(a.uid())).append("</code></td><td>")
                        .append(AdminExchange.time(a.lastLogin())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append(ErrorLogPage.pager(ex, "/accounts?q=" + AdminExchange.query(q) + "&", page, found.size() > PAGE_SIZE));
        ex.page(200, ex.t("admin.accounts.title"), html.toString());
    }

    static String viewPath(SocialAccount a) {
        return "/accounts/view?provider=" + AdminExchange.query(a.provider()) + "&uid=" + AdminExchange.query(a.uid());
    }

    /** The account named by the request's {@code provider} and {@code uid}. */
    static Optional<SocialAccount> named(AdminExchange ex) {
        return ex.admin.accounts().find(ex.param("provider"), ex.param("uid"));
    }

    static void view(AdminExchange ex, SocialAccount a) throws IOException {
        Optional<User> user = ex.admin.users().findById(a.userId());
        Optional<SocialToken> token = ex.admin.accounts().findToken(a.provider(), a.uid());
        String title = ex.t("admin.account.title", a.provider(), a.uid());
        StringBuilder html = new StringBuilder("<h1>").append(title).append("</h1><dl class=\"facts\">")
                .append(fact(ex, "admin.accounts.user", Html.escape(user.map(User::username).orElse(a.userId()))))
                .append(fact(ex, "admin.accounts.email", Html.escape(user.map(User::email).orElse(""))))
                .append(fact(ex, "admin.accounts.provider", Html.escape(a.provider())))
                .append(fact(ex, "admin.accounts.uid", "<code>" + Html.escape(a.uid()) + "</code>"))
                .append(fact(ex, "admin.accounts.joined", AdminExchange.time(a.dateJoined())))
                .append(fact(ex, "admin.accounts.last_login", AdminExchange.time(a.lastLogin()))).append("</dl>");
        if ("revoked".equals(ex.param("status"))) {
            html.append("<p class=\"notice\" role=\"status\" id=\"token-revoked\">").append(ex.t("admin.token.revoked")).append("</p>");
        }
        html.append("<h2>").append(ex.t("admin.token.title")).append("</h2>");
        if (token.isEmpty()) {
            html.append("<p class=\"hint\" id=\"no-token\">").append(ex.t("admin.token.none")).append("</p>");
        } else {
            SocialToken t = token.get();
            html.append("<dl class=\"facts\" id=\"token\">")
                    .append(fact(ex, "admin.token.expires", t.expiresAt() == null ? ex.t("admin.token.unknown") : AdminExchange.time(t.expiresAt())))
                    .append(fact(ex, "admin.token.scopes", t.scopes().isEmpty() ? ex.t("admin.token.scopes_unknown")
                            : Html.escape(String.join(" ", new java.util.TreeSet<>(t.scopes())))))
                    .append(fact(ex, "admin.token.refresh", ex.t(t.refreshToken() == null ? "admin.no" : "admin.yes")))
                    .append("</dl><p class=\"hint\">").append(ex.t("admin.token.hidden")).append("</p>")
                    .append("<p class=\"hint\">").append(ex.t("admin.token.revoke_hint")).append("</p>")
                    .append(action(ex, "/accounts/token/revoke", a, "", "revoke-token", ex.t("admin.token.revoke")))
                    .append(action(ex, "/accounts/token/delete", a, "", "delete-token", ex.t("admin.token.delete")));
        }
        html.append("<h2>").append(ex.t("admin.unlink.title")).append("</h2>")
                .append(action(ex, "/accounts/unlink", a, "", "unlink", ex.t("admin.unlink.button")));
        ex.page(200, title, html.toString());
    }

    static void deleteToken(AdminExchange ex, SocialAccount a) {
        boolean deleted = ex.admin.accounts().deleteToken(a.provider(), a.uid());
        LOG.info("Admin deleted the stored token of {} identity {}: {}", a.provider(), a.uid(), deleted);
        ex.redirect(viewPath(a));
    }

    /**
     * Revokes the stored token at the IdP and deletes it; when the IdP has no revocation endpoint or refuses, says so
     * (the failure is in the error log) and offers to delete the token here only.
     */
    static void revokeToken(AdminExchange ex, SocialAccount a) throws IOException {
        TokenRevocation.Revoked result = ex.admin.revocation().revoke(a.provider(), a.uid(), ex.ssoBase());
        if (result.revoked()) {
            LOG.info("Admin revoked the stored token of {} identity {}", a.provider(), a.uid());
            ex.redirect(viewPath(a) + "&status=revoked");
            return;
        }
        LoginFailure failure = result.failure();
        String html = "<h1>" + ex.t("admin.token.not_revoked_title") + "</h1><div class=\"warning\" role=\"alert\" id=\"not-revoked\">"
                + "<p>" + ex.t("admin.token.not_revoked", ex.raw(failure.code().messageKey())) + "</p>"
                + (failure.errorLogId() == null ? "" : "<p>" + ex.t("admin.token.not_revoked_ref") + " <code>"
                + Html.escape(failure.errorLogId()) + "</code></p>") + "</div>"
                + "<p>" + ex.t("admin.token.delete_locally") + "</p>"
                + action(ex, "/accounts/token/delete", a, "", "delete-token", ex.t("admin.token.delete"))
                + "<p><a href=\"" + Html.escape(ex.path(viewPath(a))) + "\">" + ex.t("admin.cancel") + "</a></p>";
        ex.page(failure.code() == FailureCode.TOKEN_REVOCATION_UNSUPPORTED || failure.code() == FailureCode.TOKEN_MISSING
                ? 409 : 502, ex.raw("admin.token.not_revoked_title"), html);
    }

    /** Unlinks, unless this is the user's last way to sign in and the admin has not confirmed: then it asks. */
    static void unlink(AdminExchange ex, SocialAccount a) throws IOException {
        Optional<User> user = ex.admin.users().findById(a.userId());
        boolean last = ex.admin.accounts().findByUser(a.userId()).size() <= 1
                && user.map(u -> !ex.admin.otherSignIn().available(u)).orElse(true);
        if (last && !"yes".equals(ex.param("confirm"))) {
            String name = Html.escape(user.map(User::username).orElse(a.userId()));
            String html = "<h1>" + ex.t("admin.unlink.confirm_title") + "</h1><div class=\"warning\" role=\"alert\" id=\"last-way\"><p>"
                    + ex.t("admin.unlink.last_way", name, a.provider()) + "</p></div>"
                    + action(ex, "/accounts/unlink", a, "<input type=\"hidden\" name=\"confirm\" value=\"yes\">", "confirm-unlink",
                    ex.t("admin.unlink.confirm_button")) + "<p><a href=\"" + Html.escape(ex.path(viewPath(a))) + "\">"
                    + ex.t("admin.cancel") + "</a></p>";
            ex.page(409, ex.t("admin.unlink.confirm_title"), html);
            return;
        }
        ex.admin.accounts().unlink(a.userId(), a.provider(), a.uid());
        LOG.info("Admin unlinked {} identity {} from user {}{}", a.provider(), a.uid(), a.userId(), last ? " (its last)" : "");
        ex.redirect("/accounts?status=unlinked");
    }

    private static String fact(AdminExchange ex, String key, String valueHtml) {
        return "<dt>" + ex.t(key) + "</dt><dd>" + valueHtml + "</dd>";
    }

    private static String action(AdminExchange ex, String page, SocialAccount a, String extra, String id, String label) {
        return "<form method=\"post\" action=\"" + Html.escape(ex.path(page)) + "\">" + ex.csrfField()
                + "<input type=\"hidden\" name=\"provider\" value=\"" + Html.escape(a.provider()) + "\">"
                + "<input type=\"hidden\" name=\"uid\" value=\"" + Html.escape(a.uid()) + "\">" + extra
                + "<button type=\"submit\" id=\"" + id + "\">" + label + "</button></form>";
    }
}
