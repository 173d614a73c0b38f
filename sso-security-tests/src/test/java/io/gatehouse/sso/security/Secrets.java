package io.gatehouse.sso.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every secret the suite hands to Gatehouse, each with a distinctive marker so that
 * {@link LogFileSecrecyTest} can prove none of them ever reached a log line: client secret, SMTP password,
 * transaction key, and per-login access tokens, refresh tokens and authorization codes.
 */
final class Secrets {
    static final String CLIENT_SECRET = "SECRET-CLIENT-q7Vx2kLm9PzD";
    static final String SMTP_PASSWORD = "SECRET-SMTP-w3Rt8YuI0oPa";
    /** Base64 of 32 bytes; its text must not be logged either. */
    static final String TRANSACTION_KEY = "U0VDUkVULVRYLWtleS0zMmJ5dGVzLWxvbmctMTIzNDU=";
    static final String ACCESS_TOKEN_MARK = "AT-k8Jd3f-";
    static final String REFRESH_TOKEN_MARK = "RT-m2Nq5g-";
    static final String CODE_MARK = "CODE-x9Bv4h-";

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private Secrets() {
    }

    static String accessToken() {
        return ACCESS_TOKEN_MARK + SERIAL.incrementAndGet();
    }

    static String refreshToken() {
        return REFRESH_TOKEN_MARK + SERIAL.incrementAndGet();
    }

    static String code() {
        return CODE_MARK + SERIAL.incrementAndGet();
    }

    /** How many tokens and codes the suite has issued so far. */
    static int issued() {
        return SERIAL.get();
    }

    /** What must never appear in a log line, an error-log record, an exception or a toString. */
    static List<String> markers() {
        return List.of(CLIENT_SECRET, SMTP_PASSWORD, TRANSACTION_KEY, ACCESS_TOKEN_MARK, REFRESH_TOKEN_MARK, CODE_MARK);
    }
}
