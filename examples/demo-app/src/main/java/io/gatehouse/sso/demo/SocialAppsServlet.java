package io.gatehouse.sso.demo;

import io.gatehouse.sso.servlet.Html;
import io.gatehouse.sso.spi.SocialApp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The admin's social applications (django-allauth's {@code SocialApp}):
 * <ul>
 *   <li>{@code GET /admin/apps}: the list</li>
 *   <li>{@code GET|POST /admin/apps/new}: add one</li>
 *   <li>{@code GET|POST /admin/apps/<id>}: edit one</li>
 *   <li>{@code POST /admin/apps/<id>/delete}: delete one</li>
 * </ul>
 * The client secret and key are never rendered back, not even when a form comes back with errors.
 */
final class SocialAppsServlet extends PageServlet {
    private static final Logger LOG = LoggerFactory.getLogger(SocialAppsServlet.class);

    SocialAppsServlet(DemoContext demo) {
        super(demo);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (path.isEmpty()) {
            list(request, response);
        } else if (path.equals("new")) {
            form(request, response, 200, null, SocialAppForm.blank());
        } else {
            Optional<SocialApp> app = find(path);
            if (app.isEmpty()) {
                notFound(request, response);
                return;
            }
            form(request, response, 200, app.get(), SocialAppForm.of(app.get()));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (path.endsWith("/delete")) {
            String id = path.substring(0, path.length() - "/delete".length());
            if (find(id).isEmpty()) {
                notFound(request, response);
                return;
            }
            demo.stores().socialApps().delete(id);
            LOG.info("Admin deleted social application {}", id);
            redirect(response, "/admin/apps");
            return;
        }
        SocialApp existing = null;
        if (!path.equals("new")) {
            Optional<SocialApp> app = find(path);
            if (app.isEmpty()) {
                notFound(request, response);
                return;
            }
            existing = app.get();
        }
        SocialAppForm form = SocialAppForm.read(request::getParameter, demo.providers());
        if (!form.errors().isEmpty()) {
            form(request, response, 400, existing, form);
            return;
        }
        SocialApp saved = demo.stores().socialApps().save(form.toApp(existing));
        LOG.info("Admin saved social application {}", saved);
        redirect(response, "/admin/apps");
    }

    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null) {
            return "";
        }
        String p = info.startsWith("/") ? info.substring(1) : info;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private Optional<SocialApp> find(String id) {
        return id.isEmpty() || id.contains("/") ? Optional.empty() : demo.stores().socialApps().findById(id);
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(request, response, 404, "Not found", "<h1>Not found</h1><p>There is no such social application. "
                + "<a href=\"/admin/apps\">Social applications</a></p>");
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<SocialApp> apps = demo.stores().socialApps().findAll();
        StringBuilder html = new StringBuilder("<h1>Social applications</h1>");
        html.append("<p class=\"hint\">Each is a client registered at an identity provider. Its callback URL there is "
                + "<code>&lt;this site&gt;/accounts/&lt;provider id or provider&gt;/login/callback/</code>, e.g. <code>")
                .append(Html.escape(callbackExample(request))).append("</code>.</p>");
        html.append("<p><a class=\"button\" id=\"add-app\" href=\"/admin/apps/new\">Add social application</a></p>");
        if (apps.isEmpty()) {
            html.append("<p class=\"hint\">None yet.</p>");
        } else {
            html.append("<table id=\"apps\"><thead><tr><th>Name</th><th>Provider</th><th>Provider id</th><th>Client id</th>"
                    + "<th>Secret</th><th>Sites</th><th></th></tr></thead><tbody>");
            for (SocialApp app : apps) {
                String edit = "/admin/apps/" + HomeServlet.urlPart(app.id());
                html.append("<tr><td><a href=\"").append(Html.escape(edit)).append("\">").append(Html.escape(app.name()))
                        .append("</a></td><td>").append(Html.escape(app.provider())).append("</td><td>")
                        .append(Html.escape(app.providerId())).append("</td><td><code>").append(Html.escape(app.clientId()))
                        .append("</code></td><td>").append(app.secret().isEmpty() ? "none" : "set (hidden)").append("</td><td>")
                        .append(Html.escape(String.join(", ", app.sites()))).append("</td><td>")
                        .append("<form method=\"post\" action=\"").append(Html.escape(edit)).append("/delete\">")
                        .append(csrfField(request)).append("<button type=\"submit\" class=\"secondary\">Delete</button></form>")
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        page(request, response, 200, "Social applications", html.toString());
    }

    private String callbackExample(HttpServletRequest request) {
        try {
            return baseUrl(request) + "/accounts/" + DemoIdp.PROVIDER_ID + "/login/callback/";
        } catch (IllegalArgumentException e) {
            return "/accounts/" + DemoIdp.PROVIDER_ID + "/login/callback/";
        }
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, SocialApp existing,
                      SocialAppForm form) throws IOException {
        String action = existing == null ? "/admin/apps/new" : "/admin/apps/" + HomeServlet.urlPart(existing.id());
        String title = existing == null ? "Add social application" : "Edit social application";
        StringBuilder html = new StringBuilder("<h1>").append(title).append("</h1>");
        if (!form.errors().isEmpty()) {
            html.append("<p class=\"error\" id=\"form-errors\">Not saved: please correct the fields marked below.</p>");
        }
        html.append("<form class=\"form\" method=\"post\" action=\"").append(Html.escape(action)).append("\">")
                .append(csrfField(request));
        html.append("<p class=\"field\"><label for=\"provider\">Provider</label><select id=\"provider\" name=\"provider\">");
        if (form.provider().isEmpty()) {
            html.append("<option value=\"\">(choose)</option>");
        }
        for (String provider : demo.providers()) {
            boolean enabled = demo.engine().config().backends().contains(provider);
            html.append("<option value=\"").append(Html.escape(provider)).append("\"")
                    .append(provider.equals(form.provider()) ? " selected" : "").append(">").append(Html.escape(provider))
                    .append(enabled ? "" : " (not in social_backends)").append("</option>");
        }
        html.append("</select>").append(error(form, "provider")).append("</p>");
        html.append(text(form, "provider_id", "Provider id", form.providerId(),
                "Optional. For several openid_connect IdPs side by side: the id in their URLs (e.g. corp)."));
        html.append(text(form, "name", "Name", form.name(), "Labels the login button; also matches social_providers.<name>."));
        html.append(text(form, "client_id", "Client id", form.clientId(), ""));
        boolean hasSecret = existing != null && !existing.secret().isEmpty();
        boolean hasKey = existing != null && !existing.key().isEmpty();
        html.append(writeOnly(form, "secret", "Client secret", hasSecret, "remove_secret"));
        html.append(writeOnly(form, "key", "Key", hasKey, "remove_key"));
        html.append("<p class=\"field\"><label for=\"settings\">Settings (JSON object)</label>")
                .append("<textarea id=\"settings\" name=\"settings\" rows=\"6\">").append(Html.escape(form.settingsJson()))
                .append("</textarea>").append(error(form, "settings"))
                .append("<span class=\"hint\">e.g. {\"server_url\": \"https://sso.example.com/realms/demo\"} for openid_connect; "
                        + "they override social_providers.</span></p>");
        html.append(text(form, "sites", "Sites", form.sitesText(), "Comma-separated host names this app serves, e.g. localhost."));
        html.append("<p><button type=\"submit\" id=\"save-app\">Save</button> <a href=\"/admin/apps\">Cancel</a></p></form>");
        page(request, response, status, title, html.toString());
    }

    private static String text(SocialAppForm form, String field, String label, String value, String hint) {
        return "<p class=\"field\"><label for=\"" + field + "\">" + Html.escape(label) + "</label>"
                + "<input id=\"" + field + "\" name=\"" + field + "\" type=\"text\" value=\"" + Html.escape(value) + "\">"
                + error(form, field) + (hint.isEmpty() ? "" : "<span class=\"hint\">" + Html.escape(hint) + "</span>") + "</p>";
    }

    /** A password-style field that starts empty every time: the stored value never goes back to the browser. */
    private static String writeOnly(SocialAppForm form, String field, String label, boolean stored, String removeField) {
        return "<p class=\"field\"><label for=\"" + field + "\">" + Html.escape(label) + "</label>"
                + "<input id=\"" + field + "\" name=\"" + field + "\" type=\"password\" autocomplete=\"new-password\" value=\"\""
                + (stored ? " placeholder=\"(unchanged)\"" : "") + ">" + error(form, field)
                + "<span class=\"hint\">" + (stored ? "A value is stored (never shown). Leave empty to keep it. "
                + "<label class=\"inline\"><input type=\"checkbox\" name=\"" + removeField + "\"> remove it</label>"
                : "Write-only: it is stored encrypted and never shown again.") + "</span></p>";
    }

    private static String error(SocialAppForm form, String field) {
        String message = form.errors().get(field);
        return message == null ? "" : "<span class=\"field-error\" id=\"error-" + field + "\">" + Html.escape(message) + "</span>";
    }
}
