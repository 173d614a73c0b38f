package io.gatehouse.sso.benchmarks.cluster;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.gatehouse.sso.benchmarks.SampleIdToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load harness's identity provider: OpenID Connect on Jetty on 127.0.0.1 that answers at once. Discovery and the
 * JWKS are static; {@code /authorize} signs in whoever the virtual user says it is ({@code vu=<subject>}, and its IdP
 * groups in {@code groups=a,b}: the user's "password form") and redirects back with a one-time code; {@code /token}
 * redeems the code once (checking the PKCE verifier) for an RS256 ID token signed with {@link SampleIdToken#KEY}, the
 * benchmarks' 2048-bit key, carrying the login's nonce. No userinfo: the apps turn it off.
 *
 * <pre>{@code
 * try (LoadIdp idp = LoadIdp.start()) { String issuer = idp.issuer(); }
 * }</pre>
 */
final class LoadIdp implements AutoCloseable {
    /** What {@code /authorize} granted, until {@code /token} redeems it. */
    private record Grant(String subject, List<String> groups, String clientId, String nonce, String challenge) {
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    private LoadIdp() {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new Endpoints()), "/*");
        server.setHandler(context);
    }

    static LoadIdp start() throws Exception {
        LoadIdp idp = new LoadIdp();
        idp.server.start();
        return idp;
    }

    String issuer() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** Codes granted and not redeemed (a login the user abandoned at the IdP, or one that failed before its exchange). */
    int unredeemed() {
        return grants.size();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private String discovery() {
        String base = issuer();
        return "{\"issuer\":\"" + base + "\",\"authorization_endpoint\":\"" + base + "/authorize\",\"token_endpoint\":\"" + base
                + "/token\",\"jwks_uri\":\"" + base + "/jwks\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"]}";
    }

    private void authorize(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String code = UUID.randomUUID().toString();
        String groups = Objects.requireNonNullElse(request.getParameter("groups"), "");
        grants.put(code, new Grant(request.getParameter("vu"), groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")),
                request.getParameter("client_id"), request.getParameter("nonce"), request.getParameter("code_challenge")));
        response.sendRedirect(request.getParameter("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(request.getParameter("state"), StandardCharsets.UTF_8));
    }

    private void token(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Grant grant = grants.remove(Objects.requireNonNullElse(request.getParameter("code"), ""));
        String verifier = request.getParameter("code_verifier");
        if (grant == null || grant.challenge() == null || verifier == null
                || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue().equals(grant.challenge())) {
            json(response, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Instant now = Instant.now();
        String idToken = SampleIdToken.sign(new JWTClaimsSet.Builder().issuer(issuer()).audience(grant.clientId())
                .subject(grant.subject()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.nonce()).claim("email", grant.subject() + "@load.test").claim("email_verified", true)
                .claim("preferred_username", grant.subject()).claim("groups", grant.groups()).build(), SampleIdToken.KEY);
        json(response, 200, "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"id_token\":\"" + idToken + "\"}");
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(body);
    }

    private final class Endpoints extends HttpServlet {
        private final String jwks = new JWKSet(SampleIdToken.KEY.toPublicJWK()).toString();

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            switch (request.getRequestURI()) {
                case "/.well-known/openid-configuration" -> json(response, 200, discovery());
                case "/jwks" -> json(response, 200, jwks);
                case "/authorize" -> authorize(request, response);
                case "/token" -> token(request, response);
                default -> json(response, 404, "{}");
            }
        }
    }
}
