package io.gatehouse.sso.core.diagnostics;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import io.gatehouse.sso.core.i18n.Message;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the token endpoint accepts the client's id and secret, proved without a user by a client credentials
 * request where the IdP allows that grant: a token, or a refusal of the grant to an authenticated client
 * ({@code unauthorized_client}, RFC 6749 5.2), proves the secret; {@code invalid_client} (GitHub:
 * {@code incorrect_client_credentials}) disproves it; any other answer cannot tell, and says so.
 */
final class ClientSecretCheck {
    static final String ID = "client_secret";
    private static final Set<String> REFUSED = Set.of("invalid_client", "incorrect_client_credentials", "unauthorized",
            "http_401");
    private static final Set<String> AUTHENTICATED = Set.of("unauthorized_client", "invalid_scope");

    private ClientSecretCheck() {
    }

    /**
     * @param grantTypes the grants the IdP advertises ({@code grant_types_supported}), or null when it does not say
     */
    static CheckResult check(ProviderContext context, URI tokenEndpoint, ClientAuthentication auth, List<GrantType> grantTypes) {
        if (context.app().secret().isEmpty()) {
            return CheckResult.warn(ID, Message.of("check.client_secret.none"), Message.of("check.client_secret.none.fix"));
        }
        if (grantTypes != null && !grantTypes.contains(GrantType.CLIENT_CREDENTIALS)) {
            return CheckResult.warn(ID, Message.of("check.client_secret.cannot_check", tokenEndpoint),
                    Message.of("check.client_secret.cannot_check.fix"));
        }
        Optional<String> error;
        try {
            error = context.clients().tokens().tryClientCredentials(tokenEndpoint, auth);
        } catch (ProviderException e) {
            return CheckResult.fail(ID, Message.of("check.client_secret.unreachable", tokenEndpoint, e.getMessage()),
                    Message.of("check.client_secret.unreachable.fix"));
        }
        if (error.isEmpty() || AUTHENTICATED.contains(error.get())) {
            return CheckResult.pass(ID, Message.of("check.client_secret.pass", tokenEndpoint));
        }
        if (REFUSED.contains(error.get())) {
            return CheckResult.fail(ID, Message.of("check.client_secret.refused", tokenEndpoint, error.get()),
                    Message.of("check.client_secret.refused.fix", context.app().name()));
        }
        return CheckResult.warn(ID, Message.of("check.client_secret.unclear", tokenEndpoint, error.get()),
                Message.of("check.client_secret.cannot_check.fix"));
    }
}
