package io.gatehouse.sso.demo;

import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.servlet.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET|POST /admin/settings}: the live login settings (InvenTree's SSO and group-sync settings). Every
 * submitted value is checked with {@link LoginSettings#validate}; if any is invalid nothing is saved and the
 * form comes back (400) with the message next to each bad field. Saved values apply to the next request.
 */
final class LoginSettingsServlet extends PageServlet {
    private static final Logger LOG = LoggerFactory.getLogger(LoginSettingsServlet.class);
    private static final Set<SettingKey> BOOLEANS = Set.of(SettingKey.LOGIN_ENABLE_SSO, SettingKey.LOGIN_ENABLE_SSO_REG,
            SettingKey.LOGIN_SIGNUP_SSO_AUTO, SettingKey.LOGIN_SSO_LINK_BY_EMAIL, SettingKey.LOGIN_ENABLE_SSO_GROUP_SYNC,
            SettingKey.SSO_REMOVE_GROUPS);

    LoginSettingsServlet(DemoContext demo) {
        super(demo);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            values.put(key, stored(key).orElse(key.defaultValue()));
        }
        form(request, response, 200, values, Map.of(), "saved".equals(request.getParameter("status")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        Map<SettingKey, String> errors = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            String submitted = request.getParameter(key.name());
            if (submitted == null) {
                // a field the form did not send keeps its value
                values.put(key, stored(key).orElse(key.defaultValue()));
                continue;
            }
            String value = submitted.trim();
            values.put(key, value);
            try {
                LoginSettings.validate(key, value);
            } catch (InvalidSettingException e) {
                errors.put(key, e.getMessage().substring(key.name().length() + 2));
            }
        }
        if (!errors.isEmpty()) {
            LOG.info("Admin's login settings not saved: invalid {}", errors.keySet());
            form(request, response, 400, values, errors, false);
            return;
        }
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<SettingKey, String> e : values.entrySet()) {
            if (!e.getValue().equals(stored(e.getKey()).orElse(null))) {
                demo.stores().settings().put(e.getKey().name(), e.getValue());
                changed.put(e.getKey().name(), e.getValue());
            }
        }
        LOG.info("Admin saved login settings {}", changed.keySet());
        redirect(response, "/admin/settings?status=saved");
    }

    private Optional<String> stored(SettingKey key) {
        return demo.stores().settings().get(key.name());
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, Map<SettingKey, String> values,
                      Map<SettingKey, String> errors, boolean saved) throws IOException {
        StringBuilder html = new StringBuilder("<h1>Login settings</h1>");
        html.append("<p class=\"hint\">Read at every request: a change applies to the next sign-in. Names and defaults are "
                + "InvenTree's.</p>");
        if (saved) {
            html.append("<p class=\"notice\" id=\"saved\">Saved.</p>");
        }
        if (!errors.isEmpty()) {
            html.append("<p class=\"error\" id=\"form-errors\">Nothing was saved: please correct the fields marked below.</p>");
        }
        html.append("<form class=\"form settings\" method=\"post\" action=\"/admin/settings\">").append(csrfField(request));
        for (SettingKey key : SettingKey.values()) {
            String name = key.name();
            String value = values.get(key);
            html.append("<div class=\"field\" id=\"field-").append(name).append("\"><label for=\"").append(name).append("\"><code>")
                    .append(name).append("</code></label>");
            if (BOOLEANS.contains(key)) {
                html.append("<select id=\"").append(name).append("\" name=\"").append(name).append("\">");
                boolean known = value.equals("true") || value.equals("false");
                if (!known) {
                    html.append("<option selected value=\"").append(Html.escape(value)).append("\">").append(Html.escape(value))
                            .append(" (invalid)</option>");
                }
                for (String option : new String[] {"true", "false"}) {
                    html.append("<option value=\"").append(option).append("\"").append(option.equals(value) ? " selected" : "")
                            .append(">").append(option).append("</option>");
                }
                html.append("</select>");
            } else if (key == SettingKey.SSO_GROUP_MAP) {
                html.append("<textarea id=\"").append(name).append("\" name=\"").append(name).append("\" rows=\"4\">")
                        .append(Html.escape(value)).append("</textarea>");
            } else {
                html.append("<input type=\"text\" id=\"").append(name).append("\" name=\"").append(name).append("\" value=\"")
                        .append(Html.escape(value)).append("\">");
            }
            if (errors.containsKey(key)) {
                html.append("<span class=\"field-error\" id=\"error-").append(name).append("\">")
                        .append(Html.escape(errors.get(key))).append("</span>");
            }
            html.append("<span class=\"hint\">").append(Html.escape(key.description()))
                    .append(stored(key).isPresent() ? "" : " (default: " + Html.escape(key.defaultValue().isEmpty() ? "empty"
                            : key.defaultValue()) + ")").append("</span></div>");
        }
        html.append("<p><button type=\"submit\" id=\"save-settings\">Save</button></p></form>");
        page(request, response, status, "Login settings", html.toString());
    }
}
