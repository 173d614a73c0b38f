// snippet:gitea
package io.gatehouse.sso.provider.gitea;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oauth2.IssuedTokens;
import io.gatehouse.sso.core.oauth2.OAuth2Endpoints;
import io.gatehouse.sso.core.oauth2.OAuth2ProviderBackend;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Gitea sign-in: OAuth 2.0, then GET /api/v1/user. Settings: GITEA_URL (required). */
public final class GiteaBackend extends OAuth2ProviderBackend {

    public GiteaBackend() {
        super("gitea", "Gitea", "GITEA_URL");   // id, button label, the setting keys it adds
    }

    @Override
    protected OAuth2Endpoints endpoints(ProviderContext context) throws ProviderException {
        String base = baseUrl(context);
        return new OAuth2Endpoints(URI.create(base + "/login/oauth/authorize"),
                URI.create(base + "/login/oauth/access_token"));
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("read:user");
    }

    @Override
    protected ProviderProfile profile(ProviderContext context, IssuedTokens tokens) throws ProviderException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, URI.create(baseUrl(context) + "/api/v1/user"));
        request.setAuthorization("Bearer " + tokens.accessToken().getValue());
        HTTPResponse response = context.clients().http().send(request, "Gitea GET /api/v1/user");
        if (response.getStatusCode() != 200) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID,
                    "Gitea GET /api/v1/user answered HTTP " + response.getStatusCode());
        }
        Map<String, Object> user;
        try {
            user = response.getBodyAsJSONObject();
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "Gitea GET /api/v1/user is not JSON", e);
        }
        // the numeric id: a login name can be renamed and then taken by someone else
        String uid = String.valueOf(user.get("id"));
        List<EmailAddress> emails = user.get("email") instanceof String email
                ? List.of(new EmailAddress(email, false, true))   // verified only if the IdP says so
                : List.of();
        return new ProviderProfile(uid, emails, String.valueOf(user.get("login")), "", "", user);
    }

    private static String baseUrl(ProviderContext context) throws ProviderException {
        return context.settings().string("GITEA_URL").orElseThrow(() -> new ProviderException(
                FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name() + "' needs GITEA_URL"));
    }
}
// end:gitea
