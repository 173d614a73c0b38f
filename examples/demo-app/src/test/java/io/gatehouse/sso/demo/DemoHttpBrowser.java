package io.gatehouse.sso.demo;

import io.gatehouse.sso.fixtures.HttpBrowser;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP browser plus the demo's own forms: reads the CSRF token out of a page the way a form would carry it,
 * signs the administrator in, and signs a user in through the Demo IdP's interactive login.
 */
final class DemoHttpBrowser extends HttpBrowser {
    /** The demo's own CSRF field, or the admin pages' (Gatehouse's admin module keeps its own token). */
    private static final Pattern CSRF = Pattern.compile("name=\"(" + SessionCsrfTokens.FIELD + "|gatehouse_admin_csrf)\" value=\"([^\"]+)\"");

    DemoHttpBrowser(URI base) {
        super(base);
    }

    /** Posts the form with the CSRF token of the page at {@code pagePath} added. */
    HttpResponse<String> submit(String pagePath, String action, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        Matcher m = csrf(get(pagePath).body());
        withToken.put(m.group(1), m.group(2));
        return post(action, withToken);
    }

    static String csrfToken(String html) {
        return csrf(html).group(2);
    }

    private static Matcher csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in the page:\n" + html);
        }
        return m;
    }

    /** Signs the administrator in. */
    void signInAsAdmin(String password) {
        HttpResponse<String> answer = submit("/admin/login", "/admin/login", Map.of("username", "admin", "password", password));
        if (answer.statusCode() != 303) {
            throw new AssertionError("admin sign-in failed: HTTP " + answer.statusCode());
        }
    }

    /**
     * Signs a user in through the Demo IdP's interactive login (what its page's form posts: a user name and
     * the claims as JSON); returns the answer of the application's callback.
     */
    HttpResponse<String> signInThroughDemoIdp(String username, String claimsJson) {
        HttpResponse<String> start = get("/accounts/" + DemoIdp.PROVIDER_ID + "/login/?next=/");
        if (start.statusCode() != 302) {
            throw new AssertionError("login did not start: HTTP " + start.statusCode() + " " + start.body());
        }
        HttpResponse<String> idp = post(location(start), Map.of("username", username, "claims", claimsJson));
        if (idp.statusCode() != 302) {
            throw new AssertionError("the Demo IdP did not answer with a redirect: HTTP " + idp.statusCode() + " " + idp.body());
        }
        return get(location(idp));
    }
}
