package io.gatehouse.sso.benchmarks;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

/**
 * The {@code openid_connect} provider with the token endpoint's answer replayed from memory instead of fetched over
 * HTTP ({@link MirroredOidcBackend} for what stays the engine's real path). With it, {@code LoginEngine.completeLogin}
 * measures the callback's CPU cost without a network round trip, which is what no main-code hook allows. It makes no
 * userinfo call: apps using it set {@code fetch_userinfo} to false.
 *
 * <pre>{@code
 * LoginEngine engine = fixture.engine(config, new OfflineTokenEndpointBackend(LoopbackIdp.tokenResponse(token)));
 * }</pre>
 */
public final class OfflineTokenEndpointBackend extends MirroredOidcBackend {
    private volatile String tokenResponse;

    public OfflineTokenEndpointBackend(String tokenResponse) {
        super("OpenID Connect (token endpoint replayed from memory)");
        this.tokenResponse = tokenResponse;
    }

    /** Replays this answer from now on (e.g. a token signed by a rotated key). */
    public void answerWith(String newTokenResponse) {
        this.tokenResponse = newTokenResponse;
    }

    /** The token request was built exactly as for the network; it is not sent. */
    @Override
    HTTPResponse send(HTTPRequest request) {
        if (request.getMethod() != HTTPRequest.Method.POST || request.getBody() == null || request.getAuthorization() == null) {
            throw new IllegalStateException("the offline backend answers only the token request, got " + request.getMethod()
                    + " " + request.getURI().getPath());
        }
        HTTPResponse response = new HTTPResponse(200);
        response.setEntityContentType(ContentType.APPLICATION_JSON);
        response.setBody(tokenResponse);
        return response;
    }
}
