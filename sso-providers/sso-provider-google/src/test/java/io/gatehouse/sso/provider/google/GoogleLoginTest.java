package io.gatehouse.sso.provider.google;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole logins through the engine, with Google's answers played by {@link FakeGoogle}. */
class GoogleLoginTest {
    final LoginDance dance = new LoginDance();
    FakeGoogle google;
    EngineFixture fx;

    @BeforeEach
    void start() {
        google = new FakeGoogle();
        fx = new EngineFixture();
    }

    @AfterEach
    void stop() {
        google.close();
    }

    LoginEngine engineWith(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("discovery_url", google.discoveryUrl());
        fx.addApp("google", "Google", FakeGoogle.CLIENT_ID, FakeGoogle.CLIENT_SECRET, all);
        return fx.engine(new GoogleBackend());
    }

    @Test
    void aFirstLoginWithAVerifiedGoogleAddressCreatesAnActiveUserLinkedBySub() {
        LoginOutcome outcome = dance.login(engineWith(Map.of()), "google");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
            assertThat(s.user().email()).isEqualTo("ada@example.com");
            assertThat(s.user().active()).isTrue();
            assertThat(s.user().firstName()).isEqualTo("Ada");
        });
        assertThat(fx.store.find("google", FakeGoogle.SUB)).isPresent();
        assertThat(google.authorizeRequests().get(0).getUrl().queryParameter("redirect_uri"))
                .isEqualTo("http://localhost:8000/accounts/google/login/callback/");
        assertThat(fx.errors()).isEmpty();
    }

    @Test
    void anAccountOutsideTheHostedDomainPersistsNothingAndLeavesAnErrorLogRecord() {
        google.idToken(b -> b.claim("hd", "example.org"));

        LoginOutcome outcome = dance.login(engineWith(Map.of("hd", "example.com")), "google");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.ACCESS_RESTRICTED));
        assertThat(fx.nothingPersisted()).isTrue();
        assertThat(fx.store.find("google", FakeGoogle.SUB)).isEmpty();
        assertThat(fx.errors()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("sso.access_restricted");
            assertThat(r.info()).contains("example.org").doesNotContain(FakeGoogle.CLIENT_SECRET, FakeGoogle.ACCESS_TOKEN);
        });
    }

    @Test
    void aTokenFromAnotherIssuerPersistsNothingAndLeavesAnErrorLogRecord() {
        google.idToken(b -> b.issuer("https://evil.example"));

        LoginOutcome outcome = dance.login(engineWith(Map.of()), "google");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.ISSUER_MISMATCH));
        assertThat(fx.nothingPersisted()).isTrue();
        assertThat(fx.errors()).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo("sso.issuer_mismatch"));
    }
}
