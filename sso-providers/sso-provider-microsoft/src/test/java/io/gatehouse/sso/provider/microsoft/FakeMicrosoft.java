package io.gatehouse.sso.provider.microsoft;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.testidp.FakeServers;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The Microsoft identity platform v2.0 and Microsoft Graph on MockWebServer, answering as Microsoft
 * documents: per-tenant discovery documents (the multi-tenant ones with the literal {@code {tenantid}}
 * issuer), the sign-in page as an immediate redirect back with a code, a token endpoint issuing ID
 * tokens signed with our own key, the JWKS, and Graph {@code /v1.0/me}. Serves both {@code login_url}
 * and {@code graph_url}.
 */
final class FakeMicrosoft implements AutoCloseable {
    static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
    static final String CLIENT_SECRET = "Zx8Q~client-secret-value.abcdef";
    static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJub25jZSI6Ik-graph-access-token";
    /** The tenant of the test user, and another one. */
    static final String TENANT_A = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String TENANT_B = "b3f3c1a2-5d6e-4f70-8a9b-0c1d2e3f4a5b";
    static final String CONSUMERS_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    /** The domain {@code contoso.onmicrosoft.com} resolves to tenant A. */
    static final String TENANT_A_DOMAIN = "contoso.onmicrosoft.com";
    static final String OID = "00000000-0000-0000-66f3-3332eca7ea81";
    static final String PAIRWISE_SUB = "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ";

    static final String ME = """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
             "businessPhones": ["+1 412 555 0109"], "displayName": "Ada Lovelace", "givenName": "Ada",
             "jobTitle": "Analyst", "mail": "Ada.Lovelace@contoso.com", "mobilePhone": null, "officeLocation": "12/1110",
             "preferredLanguage": "en-US", "surname": "Lovelace", "userPrincipalName": "ada@contoso.onmicrosoft.com",
             "id": "00000000-0000-0000-66f3-3332eca7ea81"}""";

    private final MockWebServer server = new MockWebServer();
    private final RSAKey key;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile String nonce = "unset";
    private volatile UnaryOperator<JWTClaimsSet.Builder> idToken = b -> b;
    private volatile Function<RecordedRequest, MockResponse> tokenResponder;
    private volatile Function<RecordedRequest, MockResponse> refreshResponder;
    private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
    /** The refresh token the code exchange issues (Microsoft: only with the offline_access scope); none by default. */
    private volatile String refreshToken;
    private volatile Function<RecordedRequest, MockResponse> me = r -> json(200, ME);

    FakeMicrosoft() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String path = request.getUrl().encodedPath();
                if (path.equals("/v1.0/me")) {
                    return me.apply(request);
                }
                String[] parts = path.split("/");
                if (parts.length < 3) {
                    return json(404, "{}");
                }
                String tenant = parts[1];
                String rest = path.substring(tenant.length() + 1);
                return switch (rest) {
                    case "/v2.0/.well-known/openid-configuration" -> json(200, discovery(tenant));
                    case "/oauth2/v2.0/authorize" -> signInPage(request);
                    case "/oauth2/v2.0/token" -> {
                        tokenRequests.add(request);
                        boolean refresh = request.getBody() != null && request.getBody().utf8().contains("grant_type=refresh_token");
                        yield refresh && refreshResponder != null ? refreshResponder.apply(request)
                                : tokenResponder != null ? tokenResponder.apply(request) : tokens();
                    }
                    case "/discovery/v2.0/keys" -> json(200, new JWKSet(key.toPublicJWK()).toString());
                    default -> json(404, "{\"error\":\"not_found\"}");
                };
            }
        });
        FakeServers.start(server);
    }

    String base() {
        return FakeServers.origin(server);
    }

    String issuerOf(String tenantId) {
        return base() + "/" + tenantId + "/v2.0";
    }

    /** What Microsoft's document declares as issuer for a tenant value. */
    private String declaredIssuer(String tenant) {
        return switch (tenant) {
            case "common", "organizations" -> base() + "/{tenantid}/v2.0";
            case "consumers" -> issuerOf(CONSUMERS_TENANT);
            case TENANT_A_DOMAIN -> issuerOf(TENANT_A);
            default -> issuerOf(tenant);
        };
    }

    private String discovery(String tenant) {
        return """
                {"token_endpoint": "%1$s/%2$s/oauth2/v2.0/token",
                 "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
                 "jwks_uri": "%1$s/%2$s/discovery/v2.0/keys",
                 "response_modes_supported": ["query", "fragment", "form_post"],
                 "subject_types_supported": ["pairwise"],
                 "id_token_signing_alg_values_supported": ["RS256"],
                 "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
                 "scopes_supported": ["openid", "profile", "email", "offline_access"],
                 "issuer": "%3$s",
                 "request_uri_parameter_supported": false,
                 "userinfo_endpoint": "%1$s/oidc/userinfo",
                 "authorization_endpoint": "%1$s/%2$s/oauth2/v2.0/authorize",
                 "device_authorization_endpoint": "%1$s/%2$s/oauth2/v2.0/devicecode",
                 "http_logout_supported": true,
                 "frontchannel_logout_supported": true,
                 "end_session_endpoint": "%1$s/%2$s/oauth2/v2.0/logout",
                 "claims_supported": ["sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"],
                 "kerberos_endpoint": "%1$s/%2$s/kerberos",
                 "tenant_region_scope": null,
                 "cloud_instance_name": "microsoftonline.com",
                 "cloud_graph_host_name": "graph.windows.net",
                 "msgraph_host": "graph.microsoft.com",
                 "rbac_url": "https://pas.windows.net"}
                """.formatted(base(), tenant, declaredIssuer(tenant));
    }

    /** The user signs in at once: back to redirect_uri with a code and the state. */
    private MockResponse signInPage(RecordedRequest request) {
        String n = request.getUrl().queryParameter("nonce");
        if (n != null) {
            nonce = n;
        }
        String location = request.getUrl().queryParameter("redirect_uri") + "?code=0.AXoAv4j5cvGGr0GRqy180BHbR-code&state="
                + request.getUrl().queryParameter("state") + "&session_state=5f1c7b0c-1f4e-4d8e-9d1a-3c2b1a0f9e8d";
        return new MockResponse.Builder().code(302).addHeader("Location", location).build();
    }

    private MockResponse tokens() {
        String idTokenValue = sign(idToken.apply(claims(nonce)).build());
        return json(200, "{\"token_type\": \"Bearer\", \"scope\": \"email openid profile https://graph.microsoft.com/User.Read\", "
                + "\"expires_in\": 4245, \"ext_expires_in\": 4245, \"access_token\": \"" + ACCESS_TOKEN + "\", "
                + "\"id_token\": \"" + idTokenValue + "\""
                + (refreshToken == null ? "" : ", \"refresh_token\": \"" + refreshToken + "\"") + "}");
    }

    /** A v2.0 ID token of a work account in tenant A, as issued for openid email profile. */
    JWTClaimsSet.Builder claims(String forNonce) {
        Date now = new Date();
        return new JWTClaimsSet.Builder().issuer(issuerOf(TENANT_A)).audience(CLIENT_ID).subject(PAIRWISE_SUB)
                .issueTime(now).notBeforeTime(now).expirationTime(new Date(now.getTime() + 3_600_000))
                .claim("nonce", forNonce).claim("ver", "2.0").claim("tid", TENANT_A).claim("oid", OID)
                .claim("name", "Ada Lovelace").claim("preferred_username", "ada@contoso.onmicrosoft.com")
                .claim("aio", "Df2UVXL1ix!lMCWMSOJBcFatzcGfvFGhjKv8q5g0x732dR5MB5BisvGQO7YWByjd8iQDLq!eGbIDakyp5mnOrcdqHeYSnltepQmRp6AIZ8jY")
                .claim("rh", "0.AXoAv4j5cvGGr0GRqy180BHbR3beMWemFK5Jl7xuumkUOR56AAA.").claim("uti", "fqiBqXLPj0eQa82S-IYFAA");
    }

    String sign(JWTClaimsSet claims) {
        return FakeIdp.signRs256(claims, key);
    }

    void expectNonce(String n) {
        nonce = n;
    }

    void idToken(UnaryOperator<JWTClaimsSet.Builder> adjust) {
        idToken = adjust;
    }

    void answerToken(Function<RecordedRequest, MockResponse> responder) {
        tokenResponder = responder;
    }

    /** The code exchange issues this refresh token from now on. */
    void issueRefreshToken(String value) {
        refreshToken = value;
    }

    /** How the token endpoint answers refresh-token grants. */
    void answerRefresh(Function<RecordedRequest, MockResponse> responder) {
        refreshResponder = responder;
    }

    List<RecordedRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    void answerMe(Function<RecordedRequest, MockResponse> responder) {
        me = responder;
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    RecordedRequest request(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no request to " + path + "; got " + requests.stream()
                        .map(r -> r.getUrl().encodedPath()).toList()));
    }

    static MockResponse json(int code, String body) {
        return FakeIdp.json(code, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
