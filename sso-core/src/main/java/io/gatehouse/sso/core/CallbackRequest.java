package io.gatehouse.sso.core;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The IdP's redirect back to us, as the adapter received it.
 *
 * <pre>{@code
 * CallbackRequest cb = new CallbackRequest(request.getParameterMap() as lists, cookies, baseUrl, sessionUserId);
 * }</pre>
 *
 * @param params         the query parameters, every value of each (repeated parameters are refused)
 * @param cookies        the request's cookies by name (the engine picks its transaction cookie)
 * @param baseUrl        the public base URL
 * @param signedInUserId the signed-in user's id, or null
 */
public record CallbackRequest(Map<String, List<String>> params, Map<String, String> cookies, URI baseUrl,
                              String signedInUserId) {
    /**
     * Copies the parameters and cookies ({@code null} is none); requires the base URL.
     *
     * @param params the query parameters, every value of each (repeated parameters are refused)
     * @param cookies the request's cookies by name (the engine picks its transaction cookie)
     * @param baseUrl the public base URL
     * @param signedInUserId the signed-in user's id, or null
     */
    public CallbackRequest {
        params = params == null ? Map.of() : Map.copyOf(params);
        cookies = cookies == null ? Map.of() : Map.copyOf(cookies);
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    @Override
    public String toString() {
        // parameters carry the authorization code and cookies the sealed transaction
        return "CallbackRequest[params=" + params.keySet() + ", cookies=" + cookies.keySet() + ", baseUrl=" + baseUrl + "]";
    }
}
