package io.gatehouse.sso.servlet;

import java.util.Locale;

/** Whether a client asked for JSON: its {@code Accept} header lists {@code application/json} (or a {@code +json} type) with a non-zero quality. */
final class AcceptHeader {
    private AcceptHeader() {
    }

    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!(type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json")))) {
                continue;
            }
            boolean zero = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        zero = Double.parseDouble(p.substring(2)) <= 0;
                    } catch (NumberFormatException e) {
                        zero = true;
                    }
                }
            }
            if (!zero) {
                return true;
            }
        }
        return false;
    }
}
