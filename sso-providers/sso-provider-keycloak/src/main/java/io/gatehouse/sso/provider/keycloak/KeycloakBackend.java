package io.gatehouse.sso.provider.keycloak;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;

/**
 * Keycloak, by server URL and realm ({@code KEYCLOAK_URL} + {@code KEYCLOAK_REALM}, as django-allauth
 * names them) or by a full realm URL ({@code server_url}). Default scope {@code openid profile email};
 * Keycloak's {@code groups} claim (from a "Group Membership" mapper) arrives as full paths such as
 * {@code /inventree/admins}, and realm roles under {@code realm_access.roles}.
 *
 * <pre>{@code
 * social_providers:
 *   keycloak:
 *     KEYCLOAK_URL: https://sso.example.com
 *     KEYCLOAK_REALM: inventree
 * }</pre>
 */
public final class KeycloakBackend extends OidcProviderBackend {
    public KeycloakBackend() {
        super("keycloak", "Keycloak", "KEYCLOAK_URL", "KEYCLOAK_URL_ALT", "KEYCLOAK_REALM");
    }

    @Override
    protected String issuer(ProviderContext context) throws ProviderException {
        var s = context.settings();
        if (s.string("server_url").isPresent()) {
            String url = s.string("server_url").get();
            if (!url.contains("/realms/")) {
                throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "server_url of '" + context.app().name()
                        + "' must be a Keycloak realm URL such as https://sso.example.com/realms/inventree");
            }
            return strip(url);
        }
        String base = s.string("KEYCLOAK_URL").orElseThrow(() -> new ProviderException(FailureCode.APP_NOT_CONFIGURED,
                "Keycloak app '" + context.app().name() + "' needs KEYCLOAK_URL and KEYCLOAK_REALM (or server_url = the realm URL)"));
        String realm = s.string("KEYCLOAK_REALM").orElseThrow(() -> new ProviderException(FailureCode.APP_NOT_CONFIGURED,
                "Keycloak app '" + context.app().name() + "' needs KEYCLOAK_REALM"));
        if (!realm.matches("[A-Za-z0-9._-]+")) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "KEYCLOAK_REALM '" + realm + "' is not a realm name");
        }
        return strip(base) + "/realms/" + realm;
    }

    private static String strip(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
