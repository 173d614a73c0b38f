package io.gatehouse.sso.admin;

import io.gatehouse.sso.servlet.Html;

import java.util.List;
import java.util.Map;

/**
 * Accessible form fields: each input has its label, its hint and error tied to it with {@code aria-describedby},
 * and {@code aria-invalid} while its value is refused. Errors of a submitted form are also listed in a summary
 * with {@code role="alert"}, so a screen reader announces them. Values are escaped here.
 */
final class Fields {
    private Fields() {
    }

    /** The announced summary of a refused form, or nothing when it has no errors. */
    static String errorSummary(AdminExchange ex, Map<String, String> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<div class=\"error-summary\" role=\"alert\" id=\"form-errors\"><p>")
                .append(ex.t("admin.form.not_saved")).append("</p><ul>");
        errors.forEach((field, message) -> out.append("<li><a href=\"#f-").append(Html.escape(field)).append("\">")
                .append(Html.escape(message)).append("</a></li>"));
        return out.append("</ul></div>").toString();
    }

    static String text(String name, String label, String value, String error, String hint, String extra) {
        return field(name, label, "<input type=\"text\" id=\"f-" + name + "\" name=\"" + name + "\" value=\""
                + Html.escape(value) + "\"" + describedBy(name, error, hint) + extra + ">", error, hint);
    }

    static String textarea(String name, String label, String value, String error, String hint) {
        return field(name, label, "<textarea id=\"f-" + name + "\" name=\"" + name + "\" rows=\"5\""
                + describedBy(name, error, hint) + ">" + Html.escape(value) + "</textarea>", error, hint);
    }

    /** A write-only field: it starts empty every time, so a stored value never goes back to the browser. */
    static String writeOnly(String name, String label, String error, String hint) {
        return field(name, label, "<input type=\"password\" id=\"f-" + name + "\" name=\"" + name + "\" value=\"\""
                + " autocomplete=\"new-password\"" + describedBy(name, error, hint) + ">", error, hint);
    }

    /** A select of these values; a value not among them stays selectable, so the admin sees it. */
    static String select(String name, String label, String value, List<String[]> options, String error, String hint) {
        StringBuilder out = new StringBuilder("<select id=\"f-" + name + "\" name=\"" + name + "\""
                + describedBy(name, error, hint) + ">");
        boolean known = options.stream().anyMatch(o -> o[0].equals(value));
        if (!known) {
            out.append("<option value=\"").append(Html.escape(value)).append("\" selected>").append(Html.escape(value))
                    .append("</option>");
        }
        for (String[] option : options) {
            out.append("<option value=\"").append(Html.escape(option[0])).append("\"")
                    .append(option[0].equals(value) ? " selected" : "").append(">").append(Html.escape(option[1])).append("</option>");
        }
        return field(name, label, out.append("</select>").toString(), error, hint);
    }

    private static String describedBy(String name, String error, String hint) {
        String ids = ((error == null ? "" : "f-" + name + "-error ") + (hint == null || hint.isEmpty() ? "" : "f-" + name + "-hint")).trim();
        return (ids.isEmpty() ? "" : " aria-describedby=\"" + ids + "\"") + (error == null ? "" : " aria-invalid=\"true\"");
    }

    private static String field(String name, String label, String control, String error, String hint) {
        return "<div class=\"field\"><label for=\"f-" + name + "\">" + Html.escape(label) + "</label>" + control
                + (error == null ? "" : "<p class=\"field-error\" id=\"f-" + name + "-error\">" + Html.escape(error) + "</p>")
                + (hint == null || hint.isEmpty() ? "" : "<p class=\"hint\" id=\"f-" + name + "-hint\">" + Html.escape(hint) + "</p>")
                + "</div>";
    }
}
