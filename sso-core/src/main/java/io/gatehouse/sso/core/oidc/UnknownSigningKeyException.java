package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;

/** No key the IdP publishes matches a token's header, even after the key set was refreshed. */
public final class UnknownSigningKeyException extends KeySourceException {
    UnknownSigningKeyException(String keyId, JWSAlgorithm algorithm) {
        super("no key the IdP publishes matches it (kid " + (keyId == null ? "not set" : "'" + keyId + "'") + ", alg "
                + algorithm + "), even after refreshing the key set");
    }
}
