package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.transaction.TransactionCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes, clears and reads the sealed login-transaction cookies with the attributes the engine asks
 * for: HttpOnly, Secure on https, SameSite=Lax, the engine's path under the browser-visible prefix,
 * and a Max-Age of the transaction's life.
 *
 * <p>A browser keeps at most {@link #MAX_PENDING} of them. Every begun login sets its own cookie (so logins in
 * parallel tabs do not disturb each other), and each lives for the transaction's life; without a bound, a browser
 * sent through the login route a hundred times (a user clicking, a page looping, another site redirecting it)
 * would carry some 40 KB of cookies on every SSO request, past the 8 KB header limit of common proxies, which
 * would then refuse that browser every SSO route. So beginning a login expires the oldest pending ones. To know
 * which are oldest without opening the seals, each value starts with the time its login began
 * ({@code <base-36 millis>~<sealed>}); the time is no secret and not trusted for anything else.
 */
final class TransactionCookies {
    /** Pending logins one browser may have; the oldest beyond it are cleared when a new one begins. */
    static final int MAX_PENDING = 4;
    private static final char TIME_SEPARATOR = '~';

    private TransactionCookies() {
    }

    /**
     * Sets the cookie of a login that begins now, and clears the oldest of the request's pending ones so that the
     * browser keeps at most {@link #MAX_PENDING}, this one included.
     */
    static void begin(HttpServletRequest request, HttpServletResponse response, TransactionCookie tx, String path, boolean secure) {
        List<Cookie> pending = new ArrayList<>();
        Cookie[] cookies = request.getCookies();
        for (Cookie c : cookies == null ? new Cookie[0] : cookies) {
            if (c.getName().startsWith(TransactionCookie.NAME_PREFIX) && !c.getName().equals(tx.name())) {
                pending.add(c);
            }
        }
        pending.sort(Comparator.comparingLong(c -> begunAt(c.getValue())));
        for (int i = 0; i < pending.size() - (MAX_PENDING - 1); i++) {
            clear(response, pending.get(i).getName(), path, secure);
        }
        set(response, tx, Long.toString(System.currentTimeMillis(), 36) + TIME_SEPARATOR + tx.value(), path, secure);
    }

    /** When the login of a cookie value began (0, the oldest, for a value without a readable time). */
    private static long begunAt(String value) {
        int separator = value == null ? -1 : value.indexOf(TIME_SEPARATOR);
        try {
            return separator > 0 ? Long.parseLong(value.substring(0, separator), 36) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Sets a cookie of a fixed name (the sign-out's): a new one replaces the old, so it needs neither the bound
     * nor the begin time, and its value is exactly the sealed transaction.
     */
    static void set(HttpServletResponse response, TransactionCookie tx, String path, boolean secure) {
        set(response, tx, tx.value(), path, secure);
    }

    private static void set(HttpServletResponse response, TransactionCookie tx, String value, String path, boolean secure) {
        Cookie cookie = new Cookie(tx.name(), value);
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

    /** The request's sealed transactions by cookie name; other cookies (the session's, the host's) are not the engine's business. */
    static Map<String, String> read(HttpServletRequest request) {
        Map<String, String> out = new HashMap<>();
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return out;
        }
        for (Cookie c : cookies) {
            if (c.getName().startsWith(TransactionCookie.NAME_PREFIX) && c.getValue() != null) {
                // the sealed transaction, without the time its login began
                out.putIfAbsent(c.getName(), c.getValue().substring(c.getValue().indexOf(TIME_SEPARATOR) + 1));
            }
        }
        return out;
    }
}
