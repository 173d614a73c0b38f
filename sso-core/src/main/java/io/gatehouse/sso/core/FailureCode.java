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
    SSO_DISABLED("Single sign-on is turned off."),
    PROVIDER_NOT_ENABLED("This sign-in provider is not enabled."),
    APP_NOT_CONFIGURED("This sign-in provider is not configured for this site."),
    APP_AMBIGUOUS("Several applications are configured for this provider; choose one."),
    CANCELLED("Sign-in was cancelled."),
    IDP_ERROR("The identity provider reported an error."),
    MISSING_CODE("The identity provider's answer had no authorization code."),
    TRANSACTION_MISSING("The sign-in session was not found; please start again (are cookies enabled?)."),
    TRANSACTION_INVALID("The sign-in session is invalid; please start again."),
    TRANSACTION_EXPIRED("The sign-in took too long; please start again."),
    CALLBACK_REPLAYED("This sign-in answer was already used; please start again."),
    STATE_MISMATCH("The sign-in answer does not belong to this sign-in; please start again."),
    PROVIDER_MISMATCH("The sign-in answer came back to the wrong provider; please start again."),
    RESPONSE_ISSUER_MISMATCH("The sign-in answer came from another identity provider than the one the sign-in went to; please start again."),
    RESPONSE_ISSUER_MISSING("The identity provider's answer did not say which provider sent it; please start again."),
    TOKEN_EXCHANGE_FAILED("The identity provider refused to complete the sign-in."),
    IDP_UNREACHABLE("The identity provider could not be reached; please try again later."),
    IDP_RESPONSE_INVALID("The identity provider sent an answer that could not be understood."),
    ID_TOKEN_INVALID("The identity provider's ID token is invalid."),
    ID_TOKEN_SIGNATURE_INVALID("The identity provider's ID token signature is invalid."),
    ID_TOKEN_EXPIRED("The identity provider's ID token has expired or is not yet valid."),
    ISSUER_MISMATCH("The ID token was issued by an unexpected issuer."),
    AUDIENCE_MISMATCH("The ID token was issued for another application."),
    NONCE_MISMATCH("The ID token does not belong to this sign-in."),
    USERINFO_SUBJECT_MISMATCH("The identity provider's user information does not match the ID token."),
    PROFILE_INVALID("The identity provider did not identify the user."),
    ACCESS_RESTRICTED("Your account at the identity provider is not allowed to sign in here."),
    SIGNUP_CLOSED("Registration through single sign-on is turned off."),
    MAIL_NOT_CONFIGURED("Registration needs email, which is not configured on this server."),
    EMAIL_MISSING("The identity provider did not share a valid email address."),
    EMAIL_DOMAIN_NOT_ALLOWED("Sign-up is not allowed for this email domain."),
    EMAIL_IN_USE("An account with this email already exists; sign in to it and connect this provider."),
    ACCOUNT_INACTIVE("This account is not active."),
    IDENTITY_LINKED_ELSEWHERE("This sign-in identity is already connected to another account."),
    NOT_SIGNED_IN("Sign in first to connect another account."),
    CONNECT_USER_MISMATCH("The connection was started by another signed-in user."),
    SIGNUP_INVALID("The sign-up form is invalid or expired."),
    CONFIRMATION_INVALID("This confirmation link is invalid or was already used."),
    CONFIRMATION_EXPIRED("This confirmation link has expired."),
    LOGOUT_STATE_MISMATCH("You are signed out here, but the identity provider's answer does not belong to this sign-out."),
    LOGOUT_STATE_REPLAYED("You are signed out here; this sign-out answer was already used."),
    BACKCHANNEL_LOGOUT_UNSUPPORTED("This identity provider cannot sign users out through this address."),
    LOGOUT_TOKEN_INVALID("The logout token is invalid."),
    LOGOUT_TOKEN_SIGNATURE_INVALID("The logout token's signature is invalid."),
    LOGOUT_TOKEN_EXPIRED("The logout token has expired or is not yet valid."),
    LOGOUT_TOKEN_ISSUER_MISMATCH("The logout token was issued by an unexpected issuer."),
    LOGOUT_TOKEN_AUDIENCE_MISMATCH("The logout token was issued for another application."),
    LOGOUT_TOKEN_REPLAYED("This logout token was already used."),
    LOGOUT_SESSION_UNKNOWN("No session here matches the logout token."),
    TOKEN_MISSING("There is no stored access token for this account; sign in with the provider again."),
    REFRESH_TOKEN_MISSING("The access token has expired and the provider gave no way to renew it; sign in again."),
    REFRESH_REVOKED("The identity provider no longer accepts this sign-in; sign in again."),
    REFRESH_FAILED("The access token could not be renewed; please try again later."),
    SETTINGS_INVALID("Single sign-on is misconfigured; an administrator has been told."),
    /** The host's store (database) could not be reached in time; nothing of this sign-in was stored. */
    STORE_UNAVAILABLE("Sign-in is unavailable for a moment; please try again shortly."),
    /** This node is stopping and takes no new sign-in steps; another node (or this one after its restart) will. */
    SHUTTING_DOWN("The server is restarting; please try again in a moment."),
    INTERNAL_ERROR("Sign-in failed because of a server error.");

    private final String message;

    FailureCode(String message) {
        this.message = message;
    }

    /** The stable wire code, e.g. {@code state_mismatch}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The error log kind, e.g. {@code sso.state_mismatch}. */
    public String kind() {
        return "sso." + code();
    }

    /** A sentence the user may see (no internals). */
    public String message() {
        return message;
    }
}
