package io.gatehouse.sso.provider.microsoft;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Graph {@code GET /v1.0/me} with the user's access token: mail, userPrincipalName, given name,
 * surname and display name, which v2.0 ID tokens carry only in part.
 */
final class GraphMe {
    private static final Logger LOG = LoggerFactory.getLogger(GraphMe.class);

    private GraphMe() {
    }

    /**
     * The user's Graph profile without OData annotations, or an empty map when Graph refuses the token
     * (401/403: {@code User.Read} not requested or not consented, or a token for another resource): the
     * ID token alone still identifies the user, so that is logged rather than failing the login.
     *
     * @throws ProviderException {@link FailureCode#IDP_RESPONSE_INVALID} for any other answer than 200
     */
    static Map<String, Object> fetch(ProviderContext context, URI graphBase, AccessToken token) throws ProviderException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, URI.create(graphBase + "/v1.0/me"));
        request.setAccept("application/json");
        request.setAuthorization("Bearer " + token.getValue());
        HTTPResponse response = context.clients().http().send(request, "Microsoft Graph GET /v1.0/me");
        int status = response.getStatusCode();
        if (status == 401 || status == 403) {
            LOG.warn("Microsoft Graph GET /v1.0/me answered HTTP {}{} for social application '{}'; the profile is built "
                    + "from the ID token alone. Request the User.Read scope (the default) and grant it in the app "
                    + "registration's API permissions.", status, error(response), context.app().name());
            return Map.of();
        }
        if (status != 200) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "Microsoft Graph GET /v1.0/me answered HTTP "
                    + status + error(response));
        }
        Map<String, Object> me = new LinkedHashMap<>();
        try {
            JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody()).forEach((k, v) -> {
                if (!k.startsWith("@odata.")) {
                    me.put(k, v);
                }
            });
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "Microsoft Graph GET /v1.0/me answered with a body "
                    + "that is not a JSON object", e);
        }
        return me;
    }

    /** Graph's {@code {"error": {"code": ..., "message": ...}}}, bounded. */
    private static String error(HTTPResponse response) {
        try {
            Object error = JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody()).get("error");
            if (error instanceof Map<?, ?> e) {
                String code = Optional.ofNullable(e.get("code")).map(Object::toString).orElse("");
                String message = Optional.ofNullable(e.get("message")).map(Object::toString).orElse("");
                String text = (code + (message.isEmpty() ? "" : ": " + message)).trim();
                return text.isEmpty() ? "" : " (" + (text.length() > 300 ? text.substring(0, 300) + "..." : text) + ")";
            }
        } catch (ParseException e) {
            // not Graph's error shape: the status says enough
        }
        return "";
    }
}
