package io.gatehouse.sso.provider.keycloak;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.ProviderException;

import java.net.URI;

/**
 * One Keycloak realm at two addresses: the browser's ({@code KEYCLOAK_URL}) and this server's
 * ({@code KEYCLOAK_URL_ALT}). Keycloak writes one of them into its discovery document (the configured
 * hostname, or the address it was asked at); {@link #split} rewrites the endpoints so that the browser is
 * sent to its address and every server-to-server call goes to the other.
 *
 * @param browser the realm URL as the browser reaches it, e.g. {@code https://sso.example.com/realms/inventree}
 * @param server  the realm URL as this server reaches it, e.g. {@code http://keycloak:8080/realms/inventree}
 */
record KeycloakAddresses(String browser, String server) {

    /**
     * A copy of the document with the authorization and logout endpoints on the browser's address and the token,
     * keys and userinfo endpoints on the server's. Its issuer must be the realm at one of the two addresses.
     */
    OIDCProviderMetadata split(OIDCProviderMetadata md) throws ProviderException {
        String issuer = md.getIssuer().getValue();
        if (!issuer.equals(browser) && !issuer.equals(server)) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "Keycloak's discovery document declares issuer '"
                    + issuer + "', which is neither KEYCLOAK_URL's realm (" + browser + ") nor KEYCLOAK_URL_ALT's (" + server + ")");
        }
        OIDCProviderMetadata copy;
        try {
            // a copy: the original is shared by every login through the discovery cache
            copy = OIDCProviderMetadata.parse(md.toJSONObject());
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "Keycloak's discovery document cannot be re-read", e);
        }
        copy.setAuthorizationEndpointURI(move(md.getAuthorizationEndpointURI(), server, browser));
        copy.setEndSessionEndpointURI(move(md.getEndSessionEndpointURI(), server, browser));
        copy.setTokenEndpointURI(move(md.getTokenEndpointURI(), browser, server));
        copy.setJWKSetURI(move(md.getJWKSetURI(), browser, server));
        copy.setUserInfoEndpointURI(move(md.getUserInfoEndpointURI(), browser, server));
        return copy;
    }

    /** The endpoint moved from one realm address to the other; one elsewhere is left alone. */
    private static URI move(URI endpoint, String from, String to) {
        if (endpoint == null) {
            return null;
        }
        String text = endpoint.toString();
        return text.startsWith(from + "/") ? URI.create(to + text.substring(from.length())) : endpoint;
    }
}
