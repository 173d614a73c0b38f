package io.gatehouse.sso.core;

import com.nimbusds.jwt.JWTParser;
import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.provider.VerifiedLogout;
import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SessionRegistry.SessionsEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An IdP's back-channel logout (OpenID Connect Back-Channel Logout 1.0) on a provider route: the logout token is
 * verified by the provider's backend against the app its audience names (section 2.6 steps 1 to 7), its {@code jti}
 * must be new (step 8, in the shared single-use store, so a replay to another node is refused too), and then every
 * live session of that IdP session ({@code sid}) or user ({@code sub}) ends in the shared registry, which every
 * node's session check reads.
 */
final class BackChannelLogout {
    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogout.class);

    private final EngineParts parts;
    private final AppSelector selector;
    private final IdpClients clients;
    private final SessionRegistry registry;

    BackChannelLogout(EngineParts parts, AppSelector selector, IdpClients clients, SessionRegistry registry) {
        this.parts = parts;
        this.selector = selector;
        this.clients = clients;
        this.registry = registry;
    }

    BackChannelOutcome receive(String routeId, Map<String, List<String>> params, URI baseUrl, LoginAttempt attempt)
            throws ProviderException {
        List<String> tokens = params.getOrDefault("logout_token", List.of());
        if (tokens.size() != 1 || tokens.get(0).isBlank()) {
            return refused(attempt, FailureCode.LOGOUT_TOKEN_INVALID, tokens.isEmpty() ? "The request has no logout_token"
                    : "The request has " + tokens.size() + " logout_token parameters");
        }
        String token = tokens.get(0);
        SelectedApp selected = appFor(routeId, baseUrl, token);
        attempt.scrub(selected.app().secret());
        VerifiedLogout logout = selected.backend().verifyLogoutToken(ProviderContext.of(selected, baseUrl, clients), token);
        LoginAttempt about = attempt.alsoAbout("sub=" + logout.subject() + " sid=" + (logout.sid() != null));
        // step 8: a jti is used once, until the token could no longer be accepted anyway
        if (!parts.singleUse().firstUse(SingleUseKey.ofSecret("logout-jti", logout.issuer() + " " + logout.jti()),
                logout.expiresAt().plus(parts.config().httpTimeout()).plusSeconds(60))) {
            return refused(about, FailureCode.LOGOUT_TOKEN_REPLAYED, "A logout token with an already used jti was presented again");
        }
        SessionsEnded ended = registry.endAll(routeId, logout.subject(), logout.sid(), parts.clock().instant());
        if (!ended.matched()) {
            return refused(about, FailureCode.LOGOUT_SESSION_UNKNOWN, "The logout token names no session of this application "
                    + "(a user who never signed in here, or whose sessions were forgotten after they expired)");
        }
        LOG.info("Back-channel logout from {} ended {} session(s) ({} had ended before)", routeId, ended.ended(),
                ended.alreadyEnded());
        return new BackChannelOutcome.Accepted(ended.ended());
    }

    /** The route's app whose client id the (not yet verified) token's audience names; else the only one, to be refused. */
    private SelectedApp appFor(String routeId, URI baseUrl, String token) throws ProviderException {
        List<SelectedApp> usable = selector.usable(routeId, BaseUrl.siteOf(baseUrl));
        if (usable.isEmpty()) {
            return selector.select(routeId, BaseUrl.siteOf(baseUrl), null);
        }
        List<String> audience;
        try {
            audience = JWTParser.parse(token).getJWTClaimsSet().getAudience();
        } catch (java.text.ParseException | RuntimeException e) {
            audience = List.of();
        }
        List<String> named = audience;
        return usable.stream().filter(a -> named.contains(a.app().clientId())).findFirst().orElse(usable.get(0));
    }

    static BackChannelOutcome refused(LoginAttempt attempt, FailureCode code, String info) {
        return new BackChannelOutcome.Refused(attempt.refuse(code, info).failure());
    }
}
