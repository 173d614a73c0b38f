package io.gatehouse.sso.admin;

import io.gatehouse.sso.servlet.Html;
import io.gatehouse.sso.spi.SocialApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The social applications: {@code GET /apps} lists them, {@code GET|POST /apps/new} adds one,
 * {@code GET|POST /apps/<id>} edits one, {@code POST /apps/<id>/delete} deletes one. The client secret and key
 * are write-only: never rendered back, not even when a form comes back with errors.
 */
final class AppsPages {
    private static final Logger LOG = LoggerFactory.getLogger(AppsPages.class);

    private AppsPages() {
    }

    static void list(AdminExchange ex) throws IOException {
        List<SocialApp> apps = ex.admin.apps().findAll();
        StringBuilder html = new StringBuilder("<h1>").append(ex.t("admin.apps.title")).append("</h1>")
                .append("<p><a class=\"button\" id=\"add-app\" href=\"").append(Html.escape(ex.path("/apps/new"))).append("\">")
                .append(ex.t("admin.apps.add")).append("</a></p>");
        if (apps.isEmpty()) {
            html.append("<p class=\"hint\">").append(ex.t("admin.apps.none")).append("</p>");
        } else {
            html.append("<table id=\"apps\"><caption>").append(ex.t("admin.apps.title")).append("</caption><thead><tr>");
            for (String column : List.of("name", "provider", "provider_id", "client_id", "secret", "sites", "actions")) {
                html.append("<th scope=\"col\">").append(ex.t("admin.app." + column)).append("</th>");
            }
            html.append("</tr></thead><tbody>");
            for (SocialApp app : apps) {
                html.append(row(ex, app));
            }
            html.append("</tbody></table>");
        }
        ex.page(200, ex.t("admin.apps.title"), html.toString());
    }

    private static String row(AdminExchange ex, SocialApp app) {
        String base = "/apps/" + AdminExchange.query(app.id());
        String name = Html.escape(app.name());
        return "<tr><td><a href=\"" + Html.escape(ex.path(base)) + "\">" + name + "</a></td><td>" + Html.escape(app.provider())
                + "</td><td>" + Html.escape(app.providerId()) + "</td><td><code>" + Html.escape(app.clientId()) + "</code></td><td>"
                + ex.t(app.secret().isEmpty() ? "admin.app.secret_none" : "admin.app.secret_set") + "</td><td>"
                + Html.escape(String.join(", ", app.sites())) + "</td><td class=\"actions\"><a href=\""
                + Html.escape(ex.path(base + "/check")) + "\">" + ex.t("admin.app.check", app.name()) + "</a>"
                + "<form method=\"post\" action=\"" + Html.escape(ex.path(base + "/delete")) + "\">" + ex.csrfField()
                + "<button type=\"submit\" class=\"secondary\">" + ex.t("admin.app.delete", app.name()) + "</button></form></td></tr>";
    }

    /** {@code GET /apps/new} and {@code GET /apps/<id>}. */
    static void show(AdminExchange ex, Optional<SocialApp> existing) throws IOException {
        form(ex, 200, existing.orElse(null), existing.map(AppForm::of).orElse(AppForm.blank()));
    }

    /** {@code POST /apps/new} and {@code POST /apps/<id>}. */
    static void save(AdminExchange ex, Optional<SocialApp> existing) throws IOException {
        AppForm form = AppForm.read(ex.request::getParameter, ex.admin.providers());
        if (!form.errors().isEmpty()) {
            form(ex, 400, existing.orElse(null), form);
            return;
        }
        SocialApp saved = ex.admin.apps().save(form.toApp(existing.orElse(null)));
        LOG.info("Admin saved social application {}", saved);
        ex.redirect("/apps");
    }

    static void delete(AdminExchange ex, SocialApp app) {
        ex.admin.apps().delete(app.id());
        LOG.info("Admin deleted social application {} ({})", app.id(), app.provider());
        ex.redirect("/apps");
    }

    private static void form(AdminExchange ex, int status, SocialApp existing, AppForm form) throws IOException {
        String action = existing == null ? "/apps/new" : "/apps/" + AdminExchange.query(existing.id());
        String title = ex.t(existing == null ? "admin.apps.add" : "admin.apps.edit");
        Map<String, String> errors = new LinkedHashMap<>();
        form.errors().forEach((field, message) -> errors.put(field, ex.raw(message.key(), message.args().toArray())));
        List<String[]> providers = new ArrayList<>();
        providers.add(new String[] {"", ex.raw("admin.app.choose")});
        for (String id : ex.admin.providers()) {
            boolean enabled = ex.admin.config().backends().contains(id);
            providers.add(new String[] {id, enabled ? id : ex.raw("admin.app.not_enabled", id)});
        }
        boolean hasSecret = existing != null && !existing.secret().isEmpty();
        boolean hasKey = existing != null && !existing.key().isEmpty();
        String html = "<h1>" + title + "</h1>" + Fields.errorSummary(ex, errors)
                + "<form class=\"form\" method=\"post\" action=\"" + Html.escape(ex.path(action)) + "\" novalidate>" + ex.csrfField()
                + Fields.select("provider", ex.raw("admin.app.provider"), form.provider(), providers, errors.get("provider"), "")
                + Fields.text("provider_id", ex.raw("admin.app.provider_id"), form.providerId(), errors.get("provider_id"),
                ex.raw("admin.app.provider_id.hint"), "")
                + Fields.text("name", ex.raw("admin.app.name"), form.name(), errors.get("name"), ex.raw("admin.app.name.hint"), "")
                + Fields.text("client_id", ex.raw("admin.app.client_id"), form.clientId(), errors.get("client_id"), "",
                " autocomplete=\"off\"")
                + writeOnly(ex, "secret", "remove_secret", hasSecret, errors)
                + writeOnly(ex, "key", "remove_key", hasKey, errors)
                + Fields.textarea("settings", ex.raw("admin.app.settings"), form.settingsJson(), errors.get("settings"),
                ex.raw("admin.app.settings.hint"))
                + Fields.text("sites", ex.raw("admin.app.sites"), form.sitesText(), errors.get("sites"),
                ex.raw("admin.app.sites.hint"), "")
                + "<p><button type=\"submit\" id=\"save-app\">" + ex.t("admin.save") + "</button> <a href=\""
                + Html.escape(ex.path("/apps")) + "\">" + ex.t("admin.cancel") + "</a></p></form>";
        ex.page(status, title, html);
    }

    private static String writeOnly(AdminExchange ex, String field, String removeField, boolean stored, Map<String, String> errors) {
        String hint = ex.raw(stored ? "admin.app.write_only.stored" : "admin.app.write_only.new");
        String remove = stored ? "<div class=\"check\"><input type=\"checkbox\" id=\"f-" + removeField + "\" name=\"" + removeField
                + "\"><label for=\"f-" + removeField + "\">" + ex.t("admin.app." + removeField) + "</label></div>" : "";
        return Fields.writeOnly(field, ex.raw("admin.app." + field), errors.get(field), hint) + remove;
    }
}
