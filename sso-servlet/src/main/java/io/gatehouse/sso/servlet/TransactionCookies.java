package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.transaction.TransactionCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes, clears and reads the sealed login-transaction cookies with the attributes the engine asks
 * for: HttpOnly, Secure on https, SameSite=Lax, the engine's path under the browser-visible prefix,
 * and a Max-Age of the transaction's life.
 */
final class TransactionCookies {
    private TransactionCookies() {
    }

    static void set(HttpServletResponse response, TransactionCookie tx, String path, boolean secure) {
        Cookie cookie = new Cookie(tx.name(), tx.value());
        cookie.setPath(path);
        cookie.setHttpOnly(true);
        cookie.setSecure(tx.secure() || secure);
        cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, tx.maxAge().toSeconds()));
        cookie.setAttribute("SameSite", tx.sameSite() == null || tx.sameSite().isBlank() ? "Lax" : tx.sameSite());
        response.addCookie(cookie);
    }

    /** Expires a transaction cookie: it is single-use, and leaving it would only grow every later request. */
    static void clear(HttpServletResponse response, String name, String path, boolean secure) {
        Cookie cookie = new Cookie(name, "");
        cookie.setPath(path);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setMaxAge(0);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The request's transaction cookies by name; other cookies (the session's, the host's) are not the engine's business. */
    static Map<String, String> read(HttpServletRequest request) {
        Map<String, String> out = new HashMap<>();
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return out;
        }
        for (Cookie c : cookies) {
            if (c.getName().startsWith(TransactionCookie.NAME_PREFIX) && c.getValue() != null) {
                out.putIfAbsent(c.getName(), c.getValue());
            }
        }
        return out;
    }
}
