package io.gatehouse.sso.admin;

import io.gatehouse.sso.core.diagnostics.CheckResult;
import io.gatehouse.sso.core.diagnostics.CheckStatus;
import io.gatehouse.sso.core.diagnostics.Diagnosis;
import io.gatehouse.sso.servlet.Html;
import io.gatehouse.sso.spi.SocialApp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Check this application": {@code GET /apps/<id>/check} runs {@link io.gatehouse.sso.core.diagnostics.AppDiagnostics}
 * and shows each check with its status and fix; {@code GET /apps/<id>/check.json} answers the same as JSON
 * (texts in the reader's language, plus the stable check ids and statuses).
 */
final class DiagnosticsPages {
    private DiagnosticsPages() {
    }

    static void page(AdminExchange ex, SocialApp app) throws IOException {
        Diagnosis d = ex.admin.diagnostics().diagnose(app, ex.ssoBase());
        String title = ex.t("admin.check.title", app.name());
        StringBuilder html = new StringBuilder("<h1>").append(title).append("</h1><p class=\"overall status-")
                .append(d.overall().name().toLowerCase(Locale.ROOT)).append("\" id=\"overall\">")
                .append(ex.t("admin.check.overall", ex.raw("admin.check.status." + d.overall().name().toLowerCase(Locale.ROOT))))
                .append("</p><table id=\"checks\"><caption>").append(ex.t("admin.check.caption")).append("</caption><thead><tr>");
        for (String column : List.of("check", "status", "found", "fix")) {
            html.append("<th scope=\"col\">").append(ex.t("admin.check." + column)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (CheckResult r : d.checks()) {
            String status = r.status().name().toLowerCase(Locale.ROOT);
            html.append("<tr class=\"check\" id=\"check-").append(Html.escape(r.check())).append("\"><th scope=\"row\">")
                    .append(ex.t("admin.check.name." + r.check())).append("</th><td class=\"status status-").append(status)
                    .append("\">").append(ex.t("admin.check.status." + status)).append("</td><td class=\"found\">")
                    .append(ex.t(r.summary())).append("</td><td class=\"fix\">")
                    .append(r.status() == CheckStatus.PASS ? "" : ex.t(r.fix())).append("</td></tr>");
        }
        html.append("</tbody></table><p><a href=\"").append(Html.escape(ex.path("/apps/" + AdminExchange.query(app.id()) + "/check")))
                .append("\" id=\"check-again\">").append(ex.t("admin.check.again")).append("</a> · <a href=\"")
                .append(Html.escape(ex.path("/apps/" + AdminExchange.query(app.id()) + "/check.json"))).append("\">JSON</a> · <a href=\"")
                .append(Html.escape(ex.path("/apps"))).append("\">").append(ex.t("admin.apps.title")).append("</a></p>");
        ex.page(200, title, html.toString());
    }

    static void json(AdminExchange ex, SocialApp app) throws IOException {
        Diagnosis d = ex.admin.diagnostics().diagnose(app, ex.ssoBase());
        List<Map<String, String>> checks = new ArrayList<>();
        for (CheckResult r : d.checks()) {
            Map<String, String> check = new LinkedHashMap<>();
            check.put("check", r.check());
            check.put("status", r.status().name().toLowerCase(Locale.ROOT));
            check.put("summary", ex.admin.messages().text(ex.locale, r.summary()));
            check.put("fix", r.status() == CheckStatus.PASS ? "" : ex.admin.messages().text(ex.locale, r.fix()));
            checks.add(check);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("app_id", d.appId());
        body.put("app_name", d.appName());
        body.put("provider", d.provider());
        body.put("callback_url", d.callbackUrl().toString());
        body.put("overall", d.overall().name().toLowerCase(Locale.ROOT));
        body.put("checks", checks);
        ex.json(200, body);
    }
}
