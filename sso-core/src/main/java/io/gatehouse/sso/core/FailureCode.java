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
    /** The {@code LOGIN_ENABLE_SSO} setting is off. */
    SSO_DISABLED,
    /** The provider in the URL is not among the configured {@code social_backends}. */
    PROVIDER_NOT_ENABLED,
    /** The provider has no social application for this site (or its app is incomplete). */
    APP_NOT_CONFIGURED,
    /** Several social applications of the provider serve this site and the request did not choose one. */
    APP_AMBIGUOUS,
    /** The user declined at the IdP ({@code error=access_denied} on the callback). */
    CANCELLED,
    /** The callback carried another OAuth2 {@code error} than {@code access_denied}. */
    IDP_ERROR,
    /** The callback carried neither a {@code code} nor an {@code error}. */
    MISSING_CODE,
    /** The callback came without the login transaction cookie (cookies off, another browser, or it expired). */
    TRANSACTION_MISSING,
    /** The login transaction cookie could not be opened: tampered with, or sealed with an unknown key. */
    TRANSACTION_INVALID,
    /** The login transaction cookie is older than its time to live. */
    TRANSACTION_EXPIRED,
    /** The login transaction was already completed once; a second callback with it is refused. */
    CALLBACK_REPLAYED,
    /**
     * The callback's {@code state} is not the one of this browser's login transaction (a forged or crossed callback).
     */
    STATE_MISMATCH,
    /** A login started for one provider came back to another provider's callback URL. */
    PROVIDER_MISMATCH,
    /** The callback's {@code iss} parameter (RFC 9207) names another issuer than the one the login went to. */
    RESPONSE_ISSUER_MISMATCH,
    /** The IdP advertises RFC 9207 issuer identification but the callback has no {@code iss} parameter. */
    RESPONSE_ISSUER_MISSING,
    /** The token endpoint refused the authorization code (an OAuth2 error answer). */
    TOKEN_EXCHANGE_FAILED,
    /** The IdP could not be reached or did not answer within the time-out. */
    IDP_UNREACHABLE,
    /** The IdP answered, but with something that is not the expected JSON or status. */
    IDP_RESPONSE_INVALID,
    /** The ID token is malformed or misses a required claim. */
    ID_TOKEN_INVALID,
    /** The ID token's signature does not verify with the IdP's keys (JWKS) or uses a refused algorithm. */
    ID_TOKEN_SIGNATURE_INVALID,
    /** The ID token's {@code exp} or {@code iat} is out of range, allowing for the configured clock skew. */
    ID_TOKEN_EXPIRED,
    /** The ID token's {@code iss} is not the issuer the provider is configured for. */
    ISSUER_MISMATCH,
    /** The ID token's {@code aud} does not include this application's client id. */
    AUDIENCE_MISMATCH,
    /** The ID token's {@code nonce} is not the one this login transaction sent. */
    NONCE_MISMATCH,
    /** The UserInfo answer's {@code sub} differs from the ID token's, so it is not used. */
    USERINFO_SUBJECT_MISMATCH,
    /** The IdP's answer has no usable user id (the profile's {@code uid}). */
    PROFILE_INVALID,
    /** The provider's own restriction refused the account (a Microsoft tenant, a Google hosted domain, ...). */
    ACCESS_RESTRICTED,
    /** A new identity would create a user, but {@code LOGIN_ENABLE_SSO_REG} is off. */
    SIGNUP_CLOSED,
    /** A new identity would create a user, but email (SMTP) is not configured, which registration needs. */
    MAIL_NOT_CONFIGURED,
    /** Registration needs an email address and the IdP shared no valid one. */
    EMAIL_MISSING,
    /** The email's domain is not in {@code LOGIN_SIGNUP_MAIL_RESTRICTION}. */
    EMAIL_DOMAIN_NOT_ALLOWED,
    /**
     * A new identity asserts the email of an existing user; it is never linked by email alone unless verified and
     * allowed.
     */
    EMAIL_IN_USE,
    /** The local user is not active (deactivated, or still awaiting email confirmation). */
    ACCOUNT_INACTIVE,
    /** A connect found the identity already linked to another local user. */
    IDENTITY_LINKED_ELSEWHERE,
    /** A connect was asked for without a signed-in user. */
    NOT_SIGNED_IN,
    /** A connect came back for another user than the one who started it. */
    CONNECT_USER_MISMATCH,
    /** The sign-up form was tampered with, expired, or chose a username that is taken. */
    SIGNUP_INVALID,
    /** An email confirmation link was tampered with, already used, or names a user that changed. */
    CONFIRMATION_INVALID,
    /** An email confirmation link is older than its time to live. */
    CONFIRMATION_EXPIRED,
    /**
     * The post-logout redirect's {@code state} is not the one this browser's logout sent; the local sign-out stands.
     */
    LOGOUT_STATE_MISMATCH,
    /** The post-logout redirect's {@code state} was already used; the local sign-out stands. */
    LOGOUT_STATE_REPLAYED,
    /** A back-channel logout came for a provider that cannot send logout tokens (not OpenID Connect). */
    BACKCHANNEL_LOGOUT_UNSUPPORTED,
    /** The back-channel logout token is malformed or misses a required claim or event. */
    LOGOUT_TOKEN_INVALID,
    /** The logout token's signature does not verify with the IdP's keys. */
    LOGOUT_TOKEN_SIGNATURE_INVALID,
    /** The logout token's {@code iat} or {@code exp} is out of range, allowing for the clock skew. */
    LOGOUT_TOKEN_EXPIRED,
    /** The logout token's {@code iss} is not the provider's issuer. */
    LOGOUT_TOKEN_ISSUER_MISMATCH,
    /** The logout token's {@code aud} does not include this application's client id. */
    LOGOUT_TOKEN_AUDIENCE_MISMATCH,
    /** The logout token's {@code jti} was already used. */
    LOGOUT_TOKEN_REPLAYED,
    /** The logout token names no session of this application (by {@code sid} or {@code sub}). */
    LOGOUT_SESSION_UNKNOWN,
    /** A host asked for the user's access token at a provider, but none is stored. */
    TOKEN_MISSING,
    /** The stored access token expired and there is no refresh token to renew it. */
    REFRESH_TOKEN_MISSING,
    /** The IdP refused the refresh token ({@code invalid_grant}); the stored tokens were cleared. */
    REFRESH_REVOKED,
    /** Renewing the access token failed for a passing reason (IdP unreachable, server error); retry later. */
    REFRESH_FAILED,
    /** The identity provider offers no RFC 7009 revocation endpoint (an admin revoking a stored token). */
    TOKEN_REVOCATION_UNSUPPORTED,
    /** The identity provider's revocation endpoint refused or failed to revoke a stored token. */
    TOKEN_REVOCATION_FAILED,
    /** A live login setting holds a value that cannot be read (bad JSON in {@code SSO_GROUP_MAP}, say). */
    SETTINGS_INVALID,
    /** The host's store (database) could not be reached in time; nothing of this sign-in was stored. */
    STORE_UNAVAILABLE,
    /** This node is stopping and takes no new sign-in steps; another node (or this one after its restart) will. */
    SHUTTING_DOWN,
    /**
     * An unexpected failure inside Gatehouse or the host's code; the error log has the exception's type and message.
     */
    INTERNAL_ERROR;

    /** The shipped English texts, without a host's overrides: what logs and {@link #message()} say on every host. */
    private static final Messages SHIPPED_ENGLISH =
            Messages.of(List.of(Messages.CORE_BUNDLE), FailureCode.class.getClassLoader());

    /**
     * The stable wire code, e.g. {@code state_mismatch}: what JSON answers and redirects carry.
     *
     * @return the constant's name in lower case
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The error log kind, e.g. {@code sso.state_mismatch}.
     *
     * @return {@code sso.} and the {@link #code()}
     */
    public String kind() {
        return "sso." + code();
    }

    /**
     * The key of this failure's text in the message bundles, e.g. {@code failure.state_mismatch}: a host shows a
     * failure in the reader's language with {@code Messages.of().text(locale, code.messageKey())}.
     *
     * @return {@code failure.} and the {@link #code()}
     */
    public String messageKey() {
        return "failure." + code();
    }

    /**
     * A sentence the user may see (no internals), in English as shipped.
     *
     * @return the shipped English text; {@link #messageKey()} gives it in other languages
     */
    public String message() {
        return SHIPPED_ENGLISH.text(Locale.ENGLISH, messageKey());
    }
}
