package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.FailureCode;

/**
 * The HTTP status for a failure: 400 for a broken or replayed sign-in transaction, form, sign-out answer or
 * logout token, 403 for a policy refusal or a token the user must sign in again for, 404 for a provider not
 * offered on this site, 409 for an identity or email that belongs to another account, 502 when the identity
 * provider failed, 503 while the store is unreachable or this node is stopping (try again, perhaps on another
 * node), 500 for our own faults.
 */
final class FailureStatus {
    private FailureStatus() {
    }

    static int of(FailureCode code) {
        return switch (code) {
            case TRANSACTION_MISSING, TRANSACTION_INVALID, TRANSACTION_EXPIRED, CALLBACK_REPLAYED, STATE_MISMATCH,
                 PROVIDER_MISMATCH, MISSING_CODE, APP_AMBIGUOUS, SIGNUP_INVALID, CONFIRMATION_INVALID,
                 CONFIRMATION_EXPIRED, RESPONSE_ISSUER_MISMATCH, RESPONSE_ISSUER_MISSING, LOGOUT_STATE_MISMATCH,
                 LOGOUT_STATE_REPLAYED, LOGOUT_TOKEN_INVALID, LOGOUT_TOKEN_SIGNATURE_INVALID, LOGOUT_TOKEN_EXPIRED,
                 LOGOUT_TOKEN_ISSUER_MISMATCH, LOGOUT_TOKEN_AUDIENCE_MISMATCH, LOGOUT_TOKEN_REPLAYED, LOGOUT_SESSION_UNKNOWN,
                 BACKCHANNEL_LOGOUT_UNSUPPORTED -> 400;
            case SSO_DISABLED, CANCELLED, ACCESS_RESTRICTED, SIGNUP_CLOSED, MAIL_NOT_CONFIGURED, EMAIL_DOMAIN_NOT_ALLOWED,
                 ACCOUNT_INACTIVE, NOT_SIGNED_IN, CONNECT_USER_MISMATCH, TOKEN_MISSING, REFRESH_TOKEN_MISSING, REFRESH_REVOKED -> 403;
            case PROVIDER_NOT_ENABLED, APP_NOT_CONFIGURED -> 404;
            case EMAIL_IN_USE, IDENTITY_LINKED_ELSEWHERE -> 409;
            case IDP_ERROR, TOKEN_EXCHANGE_FAILED, IDP_UNREACHABLE, IDP_RESPONSE_INVALID, ID_TOKEN_INVALID,
                 ID_TOKEN_SIGNATURE_INVALID, ID_TOKEN_EXPIRED, ISSUER_MISMATCH, AUDIENCE_MISMATCH, NONCE_MISMATCH,
                 USERINFO_SUBJECT_MISMATCH, PROFILE_INVALID, EMAIL_MISSING, REFRESH_FAILED -> 502;
            case STORE_UNAVAILABLE, SHUTTING_DOWN -> 503;
            // SETTINGS_INVALID, INTERNAL_ERROR, and codes added to core after this adapter was written
            default -> 500;
        };
    }
}
