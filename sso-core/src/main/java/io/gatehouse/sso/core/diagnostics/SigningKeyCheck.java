package io.gatehouse.sso.core.diagnostics;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.i18n.Message;
import io.gatehouse.sso.core.oidc.JwksCache;
import io.gatehouse.sso.core.oidc.UnknownSigningKeyException;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JWKS is reachable and holds a key for an ID token signing algorithm the IdP advertises, found the way a
 * login finds one ({@link JwksCache}'s key selection).
 */
final class SigningKeyCheck {
    static final String ID = "signing_keys";

    private SigningKeyCheck() {
    }

    static CheckResult check(OIDCProviderMetadata md, ProviderContext context, Clock clock) {
        JwksCache keys = new JwksCache(context.clients().http(), clock);
        List<JWSAlgorithm> advertised = md.getIDTokenJWSAlgs() == null || md.getIDTokenJWSAlgs().isEmpty()
                ? List.of(JWSAlgorithm.RS256) : md.getIDTokenJWSAlgs();
        List<String> usable = new ArrayList<>();
        for (JWSAlgorithm alg : advertised) {
            try {
                if (!keys.keySelector(md.getJWKSetURI(), Set.of(alg)).selectJWSKeys(new JWSHeader(alg), null).isEmpty()) {
                    usable.add(alg.getName());
                }
            } catch (UnknownSigningKeyException | RateLimitReachedException e) {
                // no key for this algorithm (a miss refreshes the set once, and the next miss meets the rate limit)
            } catch (KeySourceException | ProviderException e) {
                return CheckResult.fail(ID, Message.of("check.signing_keys.unreachable", md.getJWKSetURI(), e.getMessage()),
                        Message.of("check.signing_keys.unreachable.fix"));
            }
        }
        if (usable.isEmpty()) {
            return CheckResult.fail(ID, Message.of("check.signing_keys.none", md.getJWKSetURI(), advertised),
                    Message.of("check.signing_keys.none.fix"));
        }
        return CheckResult.pass(ID, Message.of("check.signing_keys.pass", String.join(", ", usable)));
    }
}
