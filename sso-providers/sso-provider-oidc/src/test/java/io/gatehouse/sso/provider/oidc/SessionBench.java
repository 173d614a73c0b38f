package io.gatehouse.sso.provider.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.testkit.AdjustableClock;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.fixtures.HaltedLogin;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link FakeIdp} and an engine over in-memory stores on an adjustable clock, for the tests of what comes after a
 * sign-in: sign-out, back-channel logout, token refresh. {@link #signIn} completes a whole login through the engine.
 */
final class SessionBench implements AutoCloseable {
    static final String ROUTE = "openid_connect";

    final FakeIdp idp = new FakeIdp();
    final EngineFixture fx = new EngineFixture();
    final AdjustableClock clock = AdjustableClock.fixedAt(Instant.now());
    LoginEngine engine;

    /** @param metadata extra discovery members, e.g. the end_session_endpoint (before the engine first reads them) */
    SessionBench(String... metadata) {
        for (String member : metadata) {
            idp.advertise(member);
        }
        fx.clock(clock).addOidcApp(idp);
        engine = fx.engine(new OpenIdConnectBackend());
    }

    /** Another engine over the same stores whose calls to the IdP have this deadline (for tests of a slow IdP). */
    LoginEngine withDeadline(Duration deadline) {
        return fx.engine(Map.of("http_timeout_ms", Long.toString(deadline.toMillis())), new OpenIdConnectBackend());
    }

    /** Signs in subject {@code sub} in IdP session {@code sid}; the ID token's claims can be adjusted. */
    LoginOutcome.SignedIn signIn(String sub, String sid, UnaryOperator<JWTClaimsSet.Builder> adjust) {
        HaltedLogin login = HaltedLogin.begin(engine, ROUTE);
        JWTClaimsSet.Builder claims = idp.claims(login.nonce(), clock.instant()).subject(sub).claim("sid", sid)
                .claim("email", sub + "@example.com").claim("preferred_username", sub);
        idp.answerWithIdToken(idp.sign(adjust.apply(claims).build()));
        LoginOutcome outcome = login.complete(engine, "code-of-" + sub);
        assertThat(outcome).as("sign-in of %s", sub).isInstanceOf(LoginOutcome.SignedIn.class);
        return (LoginOutcome.SignedIn) outcome;
    }

    LoginOutcome.SignedIn signIn(String sub, String sid) {
        return signIn(sub, sid, c -> c);
    }

    boolean live(LoginOutcome.SignedIn s) {
        return engine.sessions().isLive(s.sessionId());
    }

    @Override
    public void close() {
        idp.close();
    }
}
