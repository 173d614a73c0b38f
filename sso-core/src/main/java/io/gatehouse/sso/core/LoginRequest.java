package io.gatehouse.sso.core;

import java.net.URI;
import java.util.Objects;

/**
 * A request to start a login.
 *
 * <pre>{@code
 * LoginRequest request = new LoginRequest(AuthProcess.LOGIN, "/parts/?page=2", URI.create("https://sso.example.com"), null, null);
 * }</pre>
 *
 * @param process        login or connect
 * @param next           where to go afterwards (made safe: only same-origin paths survive)
 * @param baseUrl        the public base URL ({@link BaseUrl#resolve}); the callback URL and site derive from it
 * @param appName        optional app name when several apps serve one provider, else null
 * @param signedInUserId the signed-in user's id (required for connect), else null
 */
public record LoginRequest(AuthProcess process, String next, URI baseUrl, String appName, String signedInUserId) {
    /**
     * Requires {@code process} and {@code baseUrl}.
     *
     * @param process login or connect
     * @param next where to go afterwards (made safe: only same-origin paths survive)
     * @param baseUrl the public base URL ({@link BaseUrl#resolve}); the callback URL and site derive from it
     * @param appName optional app name when several apps serve one provider, else null
     * @param signedInUserId the signed-in user's id (required for connect), else null
     */
    public LoginRequest {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }
}
