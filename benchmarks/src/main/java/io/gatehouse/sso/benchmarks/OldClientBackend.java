package io.gatehouse.sso.benchmarks;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.ProviderException;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;

/**
 * The {@code openid_connect} provider whose token and userinfo calls go through {@link OldBoundedHttpSender},
 * the HTTP client before issue 13, instead of the engine's kept-alive client: the baseline of the TLS benchmark.
 * Discovery and the JWKS still come from the engine's caches (no login fetches them).
 *
 * <pre>{@code
 * LoginEngine engine = fixture.tls(tls.clientTrust()).engine(config, new OldClientBackend(tls.clientTrust().getSocketFactory()));
 * }</pre>
 */
final class OldClientBackend extends MirroredOidcBackend {
    private final OldBoundedHttpSender old;

    OldClientBackend(SSLSocketFactory tls) {
        super("OpenID Connect over the old HTTP client");
        this.old = new OldBoundedHttpSender(tls, 1 << 20);
    }

    @Override
    HTTPResponse send(HTTPRequest request) throws ProviderException {
        try {
            return old.send(request);
        } catch (IOException e) {
            throw new ProviderException(FailureCode.IDP_UNREACHABLE, "old client: " + e, e);
        }
    }
}
