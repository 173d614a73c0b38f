package io.gatehouse.sso.provider.keycloak;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oidc.OidcDiscovery;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Keycloak, by server URL and realm ({@code KEYCLOAK_URL} + {@code KEYCLOAK_REALM}, as django-allauth
 * names them) or by a full realm URL ({@code server_url}). Default scope {@code openid profile email};
 * Keycloak's {@code groups} claim (from a "Group Membership" mapper) arrives as full paths such as
 * {@code /inventree/admins}, and realm roles under {@code realm_access.roles}.
 *
 * <p>{@code KEYCLOAK_URL_ALT} (django-allauth's name) is the address this server reaches Keycloak at when the
 * browser's ({@code KEYCLOAK_URL}) is not reachable from here, as in a Docker network: discovery, the token
 * endpoint, the keys and userinfo go to it, the browser still goes to {@code KEYCLOAK_URL}
 * ({@link KeycloakAddresses}).
 *
 * <pre>{@code
 * social_providers:
 *   keycloak:
 *     KEYCLOAK_URL: https://sso.example.com
 *     KEYCLOAK_URL_ALT: http://keycloak:8080      # optional: server-to-server
 *     KEYCLOAK_REALM: inventree
 * }</pre>
 */
public final class KeycloakBackend extends OidcProviderBackend {
    static final String KEYCLOAK_URL = "KEYCLOAK_URL";
    static final String KEYCLOAK_URL_ALT = "KEYCLOAK_URL_ALT";

    /**
     * The backend {@link java.util.ServiceLoader} creates; hosts do not call it (the provider is chosen by its id,
     * {@code keycloak}).
     */
    public KeycloakBackend() {
        super("keycloak", "Keycloak", KEYCLOAK_URL, KEYCLOAK_URL_ALT, "KEYCLOAK_REALM");
    }

    @Override
    protected String issuer(ProviderContext context) throws ProviderException {
        ProviderSettings s = context.settings();
        if (s.string("server_url").isPresent()) {
            if (s.string(KEYCLOAK_URL_ALT).isPresent()) {
                throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Keycloak app '" + context.app().name()
                        + "' sets KEYCLOAK_URL_ALT with server_url; KEYCLOAK_URL_ALT goes with KEYCLOAK_URL and KEYCLOAK_REALM");
            }
            String url = s.string("server_url").get();
            if (!url.contains("/realms/")) {
                throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "server_url of '" + context.app().name()
                        + "' must be a Keycloak realm URL such as https://sso.example.com/realms/inventree");
            }
            return strip(url);
        }
        return realmUrl(context, s.string(KEYCLOAK_URL).orElseThrow(() -> new ProviderException(FailureCode.APP_NOT_CONFIGURED,
                "Keycloak app '" + context.app().name() + "' needs KEYCLOAK_URL and KEYCLOAK_REALM (or server_url = the realm URL)")));
    }

    /** With {@code KEYCLOAK_URL_ALT}, the document is fetched from there. */
    @Override
    protected URI discoveryUrl(ProviderContext context) throws ProviderException {
        Optional<KeycloakAddresses> addresses = addresses(context);
        return addresses.isPresent() ? OidcDiscovery.discoveryUrl(addresses.get().server()) : super.discoveryUrl(context);
    }

    /** With {@code KEYCLOAK_URL_ALT}, Keycloak may name either address as its issuer; {@link #metadata} checks it. */
    @Override
    protected String expectedDiscoveryIssuer(ProviderContext context) throws ProviderException {
        return addresses(context).isPresent() ? null : super.expectedDiscoveryIssuer(context);
    }

    @Override
    protected OIDCProviderMetadata metadata(ProviderContext context) throws ProviderException {
        OIDCProviderMetadata md = super.metadata(context);
        Optional<KeycloakAddresses> addresses = addresses(context);
        return addresses.isPresent() ? addresses.get().split(md) : md;
    }

    @Override
    public void checkSettings(ProviderContext context) throws ProviderException {
        super.checkSettings(context);
        addresses(context);
    }

    private Optional<KeycloakAddresses> addresses(ProviderContext context) throws ProviderException {
        Optional<String> alt = context.settings().string(KEYCLOAK_URL_ALT);
        if (alt.isEmpty()) {
            return Optional.empty();
        }
        String browser = issuer(context);
        String server = realmUrl(context, alt.get());
        if (!absoluteHttp(browser) || !absoluteHttp(server)) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Keycloak app '" + context.app().name()
                    + "': KEYCLOAK_URL and KEYCLOAK_URL_ALT must be absolute http(s) URLs such as http://keycloak:8080");
        }
        return Optional.of(new KeycloakAddresses(browser, server));
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String realmUrl(ProviderContext context, String base) throws ProviderException {
        String realm = context.settings().string("KEYCLOAK_REALM").orElseThrow(() -> new ProviderException(
                FailureCode.APP_NOT_CONFIGURED, "Keycloak app '" + context.app().name() + "' needs KEYCLOAK_REALM"));
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
