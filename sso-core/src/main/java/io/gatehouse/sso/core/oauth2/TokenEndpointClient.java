package io.gatehouse.sso.core.oauth2;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.http.Endpoints;
import io.gatehouse.sso.core.http.IdpHttpClient;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.spi.SocialToken;
import net.minidev.json.JSONObject;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.List;

/**
 * The token endpoint of any IdP, OpenID Connect or plain OAuth 2.0 (GitHub): the authorization code
 * grant with the PKCE verifier (RFC 6749 4.1.3, RFC 7636 4.5) and the refresh token grant (RFC 6749 6), sent with the chosen client
 * authentication and parsed by Nimbus. Every way it can go wrong is a typed {@link ProviderException}
 * naming the endpoint, the HTTP status and the IdP's {@code error} with a hint for the admin; never the
 * code, the secret or a token.
 *
 * <pre>{@code
 * IssuedTokens tokens = context.clients().tokens().exchangeCode(tokenEndpoint,
 *         TokenEndpointAuth.of(context, advertised), context, exchange);
 * }</pre>
 */
public final class TokenEndpointClient {
    private final IdpHttpClient http;
    private final Clock clock;

    /**
     * A client over the shared HTTP client; the clock dates the issued tokens' expiry.
     *
     * @param http the HTTP client
     * @param clock the time
     */
    public TokenEndpointClient(IdpHttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** What a token request redeems: the two grants differ in what a refusal means. */
    private enum Grant {
        CODE("the code", FailureCode.TOKEN_EXCHANGE_FAILED),
        REFRESH("the refresh token", FailureCode.REFRESH_FAILED);

        private final String what;
        private final FailureCode refused;

        Grant(String what, FailureCode refused) {
            this.what = what;
            this.refused = refused;
        }
    }

    /**
     * Exchanges the code.
     *
     * @param tokenEndpoint the IdP's token endpoint
     * @param auth how the client authenticates
     * @param context the app and its settings
     * @param exchange the code, PKCE verifier and redirect URI of this login
     * @throws ProviderException {@link FailureCode#TOKEN_EXCHANGE_FAILED} when the IdP refuses,
     *                           {@link FailureCode#IDP_RESPONSE_INVALID} when it answers 200 with something that is
     *                           no token response, {@link FailureCode#IDP_UNREACHABLE} when it cannot be reached
     * @return the issued tokens
     */
    public IssuedTokens exchangeCode(URI tokenEndpoint, ClientAuthentication auth, ProviderContext context,
                                     CodeExchange exchange) throws ProviderException {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(exchange.code()),
                context.callbackUri(), exchange.codeVerifier() == null ? null : new CodeVerifier(exchange.codeVerifier()));
        return send(new TokenRequest.Builder(tokenEndpoint, auth, grant).build(), tokenEndpoint, context, Grant.CODE);
    }

    /**
     * Redeems a refresh token (RFC 6749 section 6). An ID token in the answer is not used.
     *
     * @param scopes the scopes to ask for, or empty to ask for those of the original grant (RFC 6749 6: omitted)
     * @param tokenEndpoint the IdP's token endpoint
     * @param auth how the client authenticates
     * @param context the app and its settings
     * @param refreshToken the stored refresh token
     * @throws ProviderException {@link FailureCode#REFRESH_REVOKED} when the IdP answers {@code invalid_grant} (the
     *                           refresh token expired or was revoked, the user was disabled or signed out),
     *                           {@link FailureCode#REFRESH_FAILED} for any other refusal, and as {@link #exchangeCode}
     *                           for an unusable answer or an unreachable IdP
     * @return the issued tokens
     */
    public IssuedTokens refresh(URI tokenEndpoint, ClientAuthentication auth, ProviderContext context, String refreshToken,
                                List<String> scopes) throws ProviderException {
        TokenRequest.Builder request = new TokenRequest.Builder(tokenEndpoint, auth,
                new RefreshTokenGrant(new RefreshToken(refreshToken)));
        if (!scopes.isEmpty()) {
            request.scope(new Scope(scopes.toArray(String[]::new)));
        }
        return send(request.build(), tokenEndpoint, context, Grant.REFRESH);
    }

    private IssuedTokens send(TokenRequest tokenRequest, URI tokenEndpoint, ProviderContext context, Grant grant)
            throws ProviderException {
        HTTPRequest request = tokenRequest.toHTTPRequest();
        // without it GitHub answers form-encoded; every other IdP answers JSON anyway
        request.setAccept("application/json");
        return read(http.send(request, "token endpoint"), tokenEndpoint, context, grant);
    }

    /**
     * Reads a token endpoint's answer to a code: what {@link #exchangeCode} does once the answer arrived (a benchmark
     * replays answers from memory through here).
     *
     * @param response the token endpoint's answer
     * @param tokenEndpoint the endpoint, for messages
     * @param context the app and its settings
     * @throws ProviderException as {@link #exchangeCode}, for the answer's part
     * @return the issued tokens
     */
    public IssuedTokens read(HTTPResponse response, URI tokenEndpoint, ProviderContext context) throws ProviderException {
        return read(response, tokenEndpoint, context, Grant.CODE);
    }

    private IssuedTokens read(HTTPResponse response, URI tokenEndpoint, ProviderContext context, Grant grant)
            throws ProviderException {
        JSONObject json = parse(response, tokenEndpoint, context, grant);
        try {
            // what OIDCTokens.parse reads, without its copy of the answer's other members
            AccessToken access = AccessToken.parse(json);
            RefreshToken refresh = RefreshToken.parse(json);
            JWT idToken = json.get("id_token") == null ? null : idToken(JSONObjectUtils.getNonBlankString(json, "id_token"));
            return new IssuedTokens(access, idToken, stored(access, refresh));
        } catch (ParseException e) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, what(tokenEndpoint) + " answered HTTP 200 "
                    + "without a usable token: " + e.getMessage() + " (" + describe(response) + ")", e);
        }
    }

    /**
     * The ID token as Nimbus parses it. Gatehouse verifies signed ID tokens only, so the JWS parser goes first;
     * {@link JWTParser}, which reads the header once more to pick the kind, runs only for what is not a JWS, so
     * that the verifier can say what it got instead (an unsigned or encrypted token).
     */
    private static JWT idToken(String value) throws ParseException {
        try {
            return SignedJWT.parse(value);
        } catch (java.text.ParseException notSigned) {
            try {
                return JWTParser.parse(value);
            } catch (java.text.ParseException e) {
                throw new ParseException("Couldn't parse ID token: " + e.getMessage(), e);
            }
        }
    }

    private SocialToken stored(AccessToken access, RefreshToken refresh) {
        Instant expires = access.getLifetime() > 0 ? clock.instant().plusSeconds(access.getLifetime()) : null;
        // RFC 6749 5.1: the granted scope, when the IdP says (it may leave it out when it granted what was asked)
        Set<String> scopes = access.getScope() == null ? Set.of() : Set.copyOf(access.getScope().toStringList());
        return new SocialToken(access.getValue(), refresh == null ? null : refresh.getValue(), expires, scopes);
    }

    /** The answer's JSON once it is known to be no error answer. */
    private static JSONObject parse(HTTPResponse response, URI tokenEndpoint, ProviderContext context, Grant grant)
            throws ProviderException {
        int status = response.getStatusCode();
        JSONObject json;
        try {
            json = JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody());
        } catch (ParseException e) {
            String what = what(tokenEndpoint);
            throw status == 200
                    ? new ProviderException(FailureCode.IDP_RESPONSE_INVALID, what + " answered HTTP 200 with a body that is "
                    + "not a token response (" + describe(response) + ")", e)
                    : new ProviderException(grant.refused, what + " answered HTTP " + status
                    + " (" + describe(response) + ")", e);
        }
        // RFC 6749 5.2 says HTTP 400; GitHub reports a refused code with HTTP 200 and an "error" member
        if (json.containsKey("error")) {
            throw refused(what(tokenEndpoint), status, ErrorObject.parse(json), context, grant);
        }
        if (status != 200) {
            throw new ProviderException(grant.refused, what(tokenEndpoint) + " answered HTTP " + status
                    + " (" + describe(response) + ")");
        }
        return json;
    }

    /** How failures name the endpoint (built only for a failure). */
    private static String what(URI tokenEndpoint) {
        return "The token endpoint " + Endpoints.of(tokenEndpoint);
    }

    private static ProviderException refused(String what, int status, ErrorObject error, ProviderContext context, Grant grant) {
        String code = error.getCode() == null ? "unknown" : error.getCode();
        String description = error.getDescription() == null ? "" : ": " + error.getDescription();
        FailureCode failure = grant == Grant.REFRESH && "invalid_grant".equals(code) ? FailureCode.REFRESH_REVOKED : grant.refused;
        return new ProviderException(failure, what + " refused " + grant.what + " (HTTP " + status
                + ") with error=" + code + description + hint(code, context, grant));
    }

    /** What the admin should check for the errors IdPs (RFC 6749 5.2, and GitHub's own names) report. */
    private static String hint(String code, ProviderContext context, Grant grant) {
        return switch (code) {
            case "redirect_uri_mismatch" -> " (register " + context.callbackUri() + " as the OAuth app's authorization callback URL)";
            case "incorrect_client_credentials", "invalid_client" -> " (check the client id and secret of social application '"
                    + context.app().name() + "')";
            case "bad_verification_code", "invalid_grant" -> grant == Grant.REFRESH
                    ? " (the refresh token expired or was revoked, or the user was disabled or signed out at the IdP; the user must sign in again)"
                    : " (the code was wrong, already used or expired; the user should sign in again)";
            default -> "";
        };
    }

    private static String describe(HTTPResponse response) {
        String type = response.getHeaderValue("Content-Type");
        String body = response.getBody();
        return (type == null ? "no content type" : type) + ", " + (body == null ? 0 : body.length()) + " characters";
    }

    /**
     * Asks for a token with the client credentials grant (RFC 6749 4.4) to learn whether the IdP accepts the
     * client's id and secret, with no user involved; a token it issues is dropped unread.
     *
     * @param tokenEndpoint the IdP's token endpoint
     * @param auth the client's id and secret
     * @return the IdP's error code (RFC 6749 5.2, or GitHub's own), {@code http_<status>} for an answer without
     *         one, or empty when the IdP issued a token
     * @throws ProviderException {@link FailureCode#IDP_UNREACHABLE} when the endpoint cannot be reached
     */
    public Optional<String> tryClientCredentials(URI tokenEndpoint, ClientAuthentication auth) throws ProviderException {
        HTTPRequest request = new TokenRequest.Builder(tokenEndpoint, auth, new ClientCredentialsGrant()).build().toHTTPRequest();
        request.setAccept("application/json");
        HTTPResponse response = http.send(request, "token endpoint");
        Optional<JSONObject> json = jsonOf(response);
        if (json.isPresent() && json.get().get("error") instanceof String error) {
            return Optional.of(error);
        }
        return response.getStatusCode() == 200 && json.isPresent() && json.get().containsKey("access_token")
                ? Optional.empty() : Optional.of("http_" + response.getStatusCode());
    }

    /** The answer's JSON object, or empty when the body is none. */
    private static Optional<JSONObject> jsonOf(HTTPResponse response) {
        try {
            return Optional.of(JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Revokes a token at the IdP's revocation endpoint (RFC 7009): the refresh token when there is one (revoking it
     * ends the grant, and with it its access tokens), else the access token.
     *
     * @param revocationEndpoint the IdP's {@code revocation_endpoint}
     * @param auth               the client authentication, chosen as for the token endpoint
     * @param token              the stored token
     * @throws ProviderException {@link FailureCode#TOKEN_REVOCATION_FAILED} when the endpoint answers anything but 200
     *                           (naming its error code), {@link FailureCode#IDP_UNREACHABLE} when it cannot be reached
     */
    public void revoke(URI revocationEndpoint, ClientAuthentication auth, SocialToken token) throws ProviderException {
        Token revoked = token.refreshToken() != null ? new RefreshToken(token.refreshToken()) : new BearerAccessToken(token.accessToken());
        HTTPRequest request = new TokenRevocationRequest(revocationEndpoint, auth, revoked).toHTTPRequest();
        request.setAccept("application/json");
        HTTPResponse response = http.send(request, "revocation endpoint");
        if (response.getStatusCode() != 200) {
            String error = jsonOf(response).map(j -> j.get("error")).filter(String.class::isInstance).map(String.class::cast)
                    .orElse("no error code");
            throw new ProviderException(FailureCode.TOKEN_REVOCATION_FAILED, "The revocation endpoint "
                    + Endpoints.of(revocationEndpoint) + " answered HTTP " + response.getStatusCode() + " (" + error + ")");
        }
    }
}
