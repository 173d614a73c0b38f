package io.gatehouse.sso.core;

import java.util.Locale;

/**
 * Why a login failed: a stable code (the error log's {@code kind} is {@code sso.<code>}) and a message
 * the user may see. Codes never change meaning; new ones may be added.
 *
 * <pre>{@code
 * if (outcome instanceof LoginOutcome.Failed f && f.failure().code() == FailureCode.CANCELLED) { ... }
 * }</pre>
 */
public enum FailureCode {
    /** The {@code LOGIN_ENABLE_SSO} setting is off. */
    SSO_DISABLED("Single sign-on is turned off."),
    /** The provider in the URL is not among the configured {@code social_backends}. */
    PROVIDER_NOT_ENABLED("This sign-in provider is not enabled."),
    /** The provider has no social application for this site (or its app is incomplete). */
    APP_NOT_CONFIGURED("This sign-in provider is not configured for this site."),
    /** Several social applications of the provider serve this site and the request did not choose one. */
    APP_AMBIGUOUS("Several applications are configured for this provider; choose one."),
    /** The user declined at the IdP ({@code error=access_denied} on the callback). */
    CANCELLED("Sign-in was cancelled."),
    /** The callback carried another OAuth2 {@code error} than {@code access_denied}. */
    IDP_ERROR("The identity provider reported an error."),
    /** The callback carried neither a {@code code} nor an {@code error}. */
    MISSING_CODE("The identity provider's answer had no authorization code."),
    /** The callback came without the login transaction cookie (cookies off, another browser, or it expired). */
    TRANSACTION_MISSING("The sign-in session was not found; please start again (are cookies enabled?)."),
    /** The login transaction cookie could not be opened: tampered with, or sealed with an unknown key. */
    TRANSACTION_INVALID("The sign-in session is invalid; please start again."),
    /** The login transaction cookie is older than its time to live. */
    TRANSACTION_EXPIRED("The sign-in took too long; please start again."),
    /** The login transaction was already completed once; a second callback with it is refused. */
    CALLBACK_REPLAYED("This sign-in answer was already used; please start again."),
    /**
     * The callback's {@code state} is not the one of this browser's login transaction (a forged or crossed callback).
     */
    STATE_MISMATCH("The sign-in answer does not belong to this sign-in; please start again."),
    /** A login started for one provider came back to another provider's callback URL. */
    PROVIDER_MISMATCH("The sign-in answer came back to the wrong provider; please start again."),
    /** The callback's {@code iss} parameter (RFC 9207) names another issuer than the one the login went to. */
    RESPONSE_ISSUER_MISMATCH("The sign-in answer came from another identity provider than the one the sign-in went to; please start again."),
    /** The IdP advertises RFC 9207 issuer identification but the callback has no {@code iss} parameter. */
    RESPONSE_ISSUER_MISSING("The identity provider's answer did not say which provider sent it; please start again."),
    /** The token endpoint refused the authorization code (an OAuth2 error answer). */
    TOKEN_EXCHANGE_FAILED("The identity provider refused to complete the sign-in."),
    /** The IdP could not be reached or did not answer within the time-out. */
    IDP_UNREACHABLE("The identity provider could not be reached; please try again later."),
    /** The IdP answered, but with something that is not the expected JSON or status. */
    IDP_RESPONSE_INVALID("The identity provider sent an answer that could not be understood."),
    /** The ID token is malformed or misses a required claim. */
    ID_TOKEN_INVALID("The identity provider's ID token is invalid."),
    /** The ID token's signature does not verify with the IdP's keys (JWKS) or uses a refused algorithm. */
    ID_TOKEN_SIGNATURE_INVALID("The identity provider's ID token signature is invalid."),
    /** The ID token's {@code exp} or {@code iat} is out of range, allowing for the configured clock skew. */
    ID_TOKEN_EXPIRED("The identity provider's ID token has expired or is not yet valid."),
    /** The ID token's {@code iss} is not the issuer the provider is configured for. */
    ISSUER_MISMATCH("The ID token was issued by an unexpected issuer."),
    /** The ID token's {@code aud} does not include this application's client id. */
    AUDIENCE_MISMATCH("The ID token was issued for another application."),
    /** The ID token's {@code nonce} is not the one this login transaction sent. */
    NONCE_MISMATCH("The ID token does not belong to this sign-in."),
    /** The UserInfo answer's {@code sub} differs from the ID token's, so it is not used. */
    USERINFO_SUBJECT_MISMATCH("The identity provider's user information does not match the ID token."),
    /** The IdP's answer has no usable user id (the profile's {@code uid}). */
    PROFILE_INVALID("The identity provider did not identify the user."),
    /** The provider's own restriction refused the account (a Microsoft tenant, a Google hosted domain, ...). */
    ACCESS_RESTRICTED("Your account at the identity provider is not allowed to sign in here."),
    /** A new identity would create a user, but {@code LOGIN_ENABLE_SSO_REG} is off. */
    SIGNUP_CLOSED("Registration through single sign-on is turned off."),
    /** A new identity would create a user, but email (SMTP) is not configured, which registration needs. */
    MAIL_NOT_CONFIGURED("Registration needs email, which is not configured on this server."),
    /** Registration needs an email address and the IdP shared no valid one. */
    EMAIL_MISSING("The identity provider did not share a valid email address."),
    /** The email's domain is not in {@code LOGIN_SIGNUP_MAIL_RESTRICTION}. */
    EMAIL_DOMAIN_NOT_ALLOWED("Sign-up is not allowed for this email domain."),
    /**
     * A new identity asserts the email of an existing user; it is never linked by email alone unless verified and
     * allowed.
     */
    EMAIL_IN_USE("An account with this email already exists; sign in to it and connect this provider."),
    /** The local user is not active (deactivated, or still awaiting email confirmation). */
    ACCOUNT_INACTIVE("This account is not active."),
    /** A connect found the identity already linked to another local user. */
    IDENTITY_LINKED_ELSEWHERE("This sign-in identity is already connected to another account."),
    /** A connect was asked for without a signed-in user. */
    NOT_SIGNED_IN("Sign in first to connect another account."),
    /** A connect came back for another user than the one who started it. */
    CONNECT_USER_MISMATCH("The connection was started by another signed-in user."),
    /** The sign-up form was tampered with, expired, or chose a username that is taken. */
    SIGNUP_INVALID("The sign-up form is invalid or expired."),
    /** An email confirmation link was tampered with, already used, or names a user that changed. */
    CONFIRMATION_INVALID("This confirmation link is invalid or was already used."),
    /** An email confirmation link is older than its time to live. */
    CONFIRMATION_EXPIRED("This confirmation link has expired."),
    /**
     * The post-logout redirect's {@code state} is not the one this browser's logout sent; the local sign-out stands.
     */
    LOGOUT_STATE_MISMATCH("You are signed out here, but the identity provider's answer does not belong to this sign-out."),
    /** The post-logout redirect's {@code state} was already used; the local sign-out stands. */
    LOGOUT_STATE_REPLAYED("You are signed out here; this sign-out answer was already used."),
    /** A back-channel logout came for a provider that cannot send logout tokens (not OpenID Connect). */
    BACKCHANNEL_LOGOUT_UNSUPPORTED("This identity provider cannot sign users out through this address."),
    /** The back-channel logout token is malformed or misses a required claim or event. */
    LOGOUT_TOKEN_INVALID("The logout token is invalid."),
    /** The logout token's signature does not verify with the IdP's keys. */
    LOGOUT_TOKEN_SIGNATURE_INVALID("The logout token's signature is invalid."),
    /** The logout token's {@code iat} or {@code exp} is out of range, allowing for the clock skew. */
    LOGOUT_TOKEN_EXPIRED("The logout token has expired or is not yet valid."),
    /** The logout token's {@code iss} is not the provider's issuer. */
    LOGOUT_TOKEN_ISSUER_MISMATCH("The logout token was issued by an unexpected issuer."),
    /** The logout token's {@code aud} does not include this application's client id. */
    LOGOUT_TOKEN_AUDIENCE_MISMATCH("The logout token was issued for another application."),
    /** The logout token's {@code jti} was already used. */
    LOGOUT_TOKEN_REPLAYED("This logout token was already used."),
    /** The logout token names no session of this application (by {@code sid} or {@code sub}). */
    LOGOUT_SESSION_UNKNOWN("No session here matches the logout token."),
    /** A host asked for the user's access token at a provider, but none is stored. */
    TOKEN_MISSING("There is no stored access token for this account; sign in with the provider again."),
    /** The stored access token expired and there is no refresh token to renew it. */
    REFRESH_TOKEN_MISSING("The access token has expired and the provider gave no way to renew it; sign in again."),
    /** The IdP refused the refresh token ({@code invalid_grant}); the stored tokens were cleared. */
    REFRESH_REVOKED("The identity provider no longer accepts this sign-in; sign in again."),
    /** Renewing the access token failed for a passing reason (IdP unreachable, server error); retry later. */
    REFRESH_FAILED("The access token could not be renewed; please try again later."),
    /** A live login setting holds a value that cannot be read (bad JSON in {@code SSO_GROUP_MAP}, say). */
    SETTINGS_INVALID("Single sign-on is misconfigured; an administrator has been told."),
    /** The host's store (database) could not be reached in time; nothing of this sign-in was stored. */
    STORE_UNAVAILABLE("Sign-in is unavailable for a moment; please try again shortly."),
    /** This node is stopping and takes no new sign-in steps; another node (or this one after its restart) will. */
    SHUTTING_DOWN("The server is restarting; please try again in a moment."),
    /**
     * An unexpected failure inside Gatehouse or the host's code; the error log has the exception's type and message.
     */
    INTERNAL_ERROR("Sign-in failed because of a server error.");

    private final String message;

    FailureCode(String message) {
        this.message = message;
    }

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
     * A sentence the user may see (no internals).
     *
     * @return the English message; hosts may translate by {@link #code()}
     */
    public String message() {
        return message;
    }
}
