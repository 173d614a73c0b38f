package io.gatehouse.sso.core;

import io.gatehouse.sso.core.i18n.Messages;

import java.util.List;
import java.util.Locale;

/**
 * Why a login failed: a stable code (the error log's {@code kind} is {@code sso.<code>}) and a message
 * the user may see (in the core message bundle under {@link #messageKey()}, English and German shipped). Codes never change meaning; new ones may be added.
 *
 * <pre>{@code
 * if (outcome instanceof LoginOutcome.Failed f && f.failure().code() == FailureCode.CANCELLED) { ... }
 * }</pre>
 */
public enum FailureCode {
    SSO_DISABLED,
    PROVIDER_NOT_ENABLED,
    APP_NOT_CONFIGURED,
    APP_AMBIGUOUS,
    CANCELLED,
    IDP_ERROR,
    MISSING_CODE,
    TRANSACTION_MISSING,
    TRANSACTION_INVALID,
    TRANSACTION_EXPIRED,
    CALLBACK_REPLAYED,
    STATE_MISMATCH,
    PROVIDER_MISMATCH,
    RESPONSE_ISSUER_MISMATCH,
    RESPONSE_ISSUER_MISSING,
    TOKEN_EXCHANGE_FAILED,
    IDP_UNREACHABLE,
    IDP_RESPONSE_INVALID,
    ID_TOKEN_INVALID,
    ID_TOKEN_SIGNATURE_INVALID,
    ID_TOKEN_EXPIRED,
    ISSUER_MISMATCH,
    AUDIENCE_MISMATCH,
    NONCE_MISMATCH,
    USERINFO_SUBJECT_MISMATCH,
    PROFILE_INVALID,
    ACCESS_RESTRICTED,
    SIGNUP_CLOSED,
    MAIL_NOT_CONFIGURED,
    EMAIL_MISSING,
    EMAIL_DOMAIN_NOT_ALLOWED,
    EMAIL_IN_USE,
    ACCOUNT_INACTIVE,
    IDENTITY_LINKED_ELSEWHERE,
    NOT_SIGNED_IN,
    CONNECT_USER_MISMATCH,
    SIGNUP_INVALID,
    CONFIRMATION_INVALID,
    CONFIRMATION_EXPIRED,
    LOGOUT_STATE_MISMATCH,
    LOGOUT_STATE_REPLAYED,
    BACKCHANNEL_LOGOUT_UNSUPPORTED,
    LOGOUT_TOKEN_INVALID,
    LOGOUT_TOKEN_SIGNATURE_INVALID,
    LOGOUT_TOKEN_EXPIRED,
    LOGOUT_TOKEN_ISSUER_MISMATCH,
    LOGOUT_TOKEN_AUDIENCE_MISMATCH,
    LOGOUT_TOKEN_REPLAYED,
    LOGOUT_SESSION_UNKNOWN,
    TOKEN_MISSING,
    REFRESH_TOKEN_MISSING,
    REFRESH_REVOKED,
    REFRESH_FAILED,
    /** The identity provider offers no RFC 7009 revocation endpoint (an admin revoking a stored token). */
    TOKEN_REVOCATION_UNSUPPORTED,
    /** The identity provider's revocation endpoint refused or failed to revoke a stored token. */
    TOKEN_REVOCATION_FAILED,
    SETTINGS_INVALID,
    /** The host's store (database) could not be reached in time; nothing of this sign-in was stored. */
    STORE_UNAVAILABLE,
    /** This node is stopping and takes no new sign-in steps; another node (or this one after its restart) will. */
    SHUTTING_DOWN,
    INTERNAL_ERROR;

    /** The shipped English texts, without a host's overrides: what logs and {@link #message()} say on every host. */
    private static final Messages SHIPPED_ENGLISH =
            Messages.of(List.of(Messages.CORE_BUNDLE), FailureCode.class.getClassLoader());

    /** The stable wire code, e.g. {@code state_mismatch}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The error log kind, e.g. {@code sso.state_mismatch}. */
    public String kind() {
        return "sso." + code();
    }

    /**
     * The key of this failure's text in the message bundles, e.g. {@code failure.state_mismatch}: a host shows a
     * failure in the reader's language with {@code Messages.of().text(locale, code.messageKey())}.
     */
    public String messageKey() {
        return "failure." + code();
    }

    /** A sentence the user may see (no internals), in English as shipped. */
    public String message() {
        return SHIPPED_ENGLISH.text(Locale.ENGLISH, messageKey());
    }
}
