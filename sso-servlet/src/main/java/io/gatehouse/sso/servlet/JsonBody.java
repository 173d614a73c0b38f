package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.LoginChoice;

import java.util.List;

/**
 * The JSON the servlet answers with (written in snake_case: {@code sso_enabled}, {@code login_url},
 * {@code error_log_id}).
 */
final class JsonBody {
    private JsonBody() {
    }

    /** {@code GET /accounts/providers}: what a login page needs to draw its SSO part. */
    record ProviderList(boolean ssoEnabled, boolean ssoRegistration, boolean emailConfigured, List<LoginChoice> providers) {
    }

    /** Every failure, when the client asked for JSON. */
    record Error(int status, String code, String message, String errorLogId) {
    }

    /** A refused back-channel logout (OpenID Connect Back-Channel Logout 1.0 section 2.8: OAuth 2.0's error format). */
    record BackChannelError(String error, String errorDescription) {
    }

    /** {@code POST /accounts/<provider>/disconnect/} succeeded. */
    record Disconnected(String provider, String uid, boolean disconnected) {
    }
}
