package io.gatehouse.sso.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The admin pages' stylesheet ({@code admin.css} beside this class), served same-origin so the CSP allows it. */
final class AdminStylesheet {
    static final byte[] CSS = load();

    private AdminStylesheet() {
    }

    private static byte[] load() {
        try (InputStream in = AdminStylesheet.class.getResourceAsStream("admin.css")) {
            if (in == null) {
                throw new IllegalStateException("admin.css is missing from sso-admin's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
