package io.gatehouse.sso.admin;

import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.core.settings.SettingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET|POST /settings}: the live login settings. Every submitted value is checked with
 * {@link LoginSettings#validate} first; if any is refused nothing is saved and the form comes back (400) with the
 * reason at the field. Saved values apply to the next request.
 */
final class SettingsPage {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsPage.class);
    private static final Set<SettingKey> BOOLEANS = Set.of(SettingKey.LOGIN_ENABLE_SSO, SettingKey.LOGIN_ENABLE_SSO_REG,
            SettingKey.LOGIN_SIGNUP_SSO_AUTO, SettingKey.LOGIN_SSO_LINK_BY_EMAIL, SettingKey.LOGIN_ENABLE_SSO_GROUP_SYNC,
            SettingKey.SSO_REMOVE_GROUPS);

    private SettingsPage() {
    }

    static void show(AdminExchange ex) throws IOException {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            values.put(key, stored(ex, key).orElse(key.defaultValue()));
        }
        form(ex, 200, values, Map.of(), "saved".equals(ex.param("status")));
    }

    static void save(AdminExchange ex) throws IOException {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        Map<SettingKey, String> errors = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            String submitted = ex.request.getParameter(key.name());
            // a field the form did not send keeps its value
            String value = submitted == null ? stored(ex, key).orElse(key.defaultValue()) : submitted.trim();
            values.put(key, value);
            try {
                LoginSettings.validate(key, value);
            } catch (InvalidSettingException e) {
                errors.put(key, ex.raw("admin.settings.invalid", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            LOG.info("Admin's login settings not saved: invalid {}", errors.keySet());
            form(ex, 400, values, errors, false);
            return;
        }
        Map<String, String> changed = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!value.equals(stored(ex, key).orElse(null))) {
                ex.admin.settings().put(key.name(), value);
                changed.put(key.name(), value);
            }
        });
        LOG.info("Admin saved login settings {}", changed.keySet());
        ex.redirect("/settings?status=saved");
    }

    private static Optional<String> stored(AdminExchange ex, SettingKey key) {
        return ex.admin.settings().get(key.name());
    }

    private static void form(AdminExchange ex, int status, Map<SettingKey, String> values, Map<SettingKey, String> errors,
                             boolean saved) throws IOException {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach((key, message) -> byField.put(key.name(), message));
        StringBuilder html = new StringBuilder("<h1>").append(ex.t("admin.settings.title")).append("</h1><p class=\"hint\">")
                .append(ex.t("admin.settings.intro")).append("</p>");
        if (saved) {
            html.append("<p class=\"notice\" role=\"status\" id=\"saved\">").append(ex.t("admin.settings.saved")).append("</p>");
        }
        html.append(Fields.errorSummary(ex, byField)).append("<form class=\"form\" method=\"post\" action=\"")
                .append(io.gatehouse.sso.servlet.Html.escape(ex.path("/settings"))).append("\" novalidate>").append(ex.csrfField());
        List<String[]> yesNo = List.of(new String[] {"true", ex.raw("admin.yes")}, new String[] {"false", ex.raw("admin.no")});
        for (SettingKey key : SettingKey.values()) {
            String name = key.name();
            String label = ex.raw("setting." + name);
            String hint = ex.raw("setting." + name + ".hint") + (stored(ex, key).isPresent() ? ""
                    : " " + ex.raw("admin.settings.default", key.defaultValue().isEmpty() ? ex.raw("admin.settings.empty")
                    : key.defaultValue()));
            String value = values.get(key);
            html.append(BOOLEANS.contains(key) ? Fields.select(name, label, value, yesNo, errors.get(key), hint)
                    : key == SettingKey.SSO_GROUP_MAP ? Fields.textarea(name, label, value, errors.get(key), hint)
                    : Fields.text(name, label, value, errors.get(key), hint, ""));
        }
        html.append("<p><button type=\"submit\" id=\"save-settings\">").append(ex.t("admin.save")).append("</button></p></form>");
        ex.page(status, ex.t("admin.settings.title"), html.toString());
    }
}
