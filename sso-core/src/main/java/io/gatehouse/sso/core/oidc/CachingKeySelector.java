package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;

import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nimbus's key selector (match the header's kid and algorithm against the JWKS) with three differences:
 * the Java public key converted from each JWK is kept, so a login does not rebuild the same RSA key from
 * its Base64 parts; Nimbus's matcher for a header is kept per algorithm and key id, so a login does not
 * rebuild it either; and "no key matches" is a typed {@link UnknownSigningKeyException} rather than an empty
 * list. Only public keys are returned: a JWKS entry with a symmetric key never verifies a token.
 */
final class CachingKeySelector extends JWSVerificationKeySelector<SecurityContext> {
    /** More than any IdP publishes at once; rotated-away keys are dropped when it is reached. */
    private static final int MAX_KEYS = 64;

    /** What a header asks for: Nimbus's matcher depends on these three parts only. */
    private record Wanted(JWSAlgorithm algorithm, String keyId, Base64URL thumbprint) {
    }

    private final Map<JWK, List<Key>> converted = new ConcurrentHashMap<>();
    private final Map<Wanted, JWKMatcher> matchers = new ConcurrentHashMap<>();

    CachingKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
        super(algorithms, source);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        JWKMatcher matcher = isAllowed(header.getAlgorithm()) ? matcher(header) : null;
        if (matcher == null) {
            return List.of();
        }
        List<JWK> jwks = getJWKSource().get(new JWKSelector(matcher), context);
        if (jwks.isEmpty()) {
            throw new UnknownSigningKeyException(header.getKeyID(), header.getAlgorithm());
        }
        List<Key> keys = new ArrayList<>(jwks.size());
        for (JWK jwk : jwks) {
            keys.addAll(converted(jwk));
        }
        return keys;
    }

    /** Nimbus's matcher for the header, built once per algorithm and key id (the header's kid comes from the token). */
    private JWKMatcher matcher(JWSHeader header) {
        Wanted wanted = new Wanted(header.getAlgorithm(), header.getKeyID(), header.getX509CertSHA256Thumbprint());
        JWKMatcher matcher = matchers.get(wanted);
        if (matcher == null) {
            matcher = createJWKMatcher(header);
            if (matcher == null) {
                return null;
            }
            if (matchers.size() >= MAX_KEYS) {
                matchers.clear();
            }
            matchers.put(wanted, matcher);
        }
        return matcher;
    }

    private List<Key> converted(JWK jwk) {
        List<Key> keys = converted.get(jwk);
        if (keys == null) {
            if (converted.size() >= MAX_KEYS) {
                converted.clear();
            }
            keys = KeyConverter.toJavaKeys(List.of(jwk)).stream().filter(PublicKey.class::isInstance).toList();
            converted.put(jwk, keys);
        }
        return keys;
    }
}
