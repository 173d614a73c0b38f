package io.gatehouse.sso.provider.google;

import org.junit.jupiter.api.Test;

// snippet:fixture
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
// end:fixture

/** docs/testing.md's "provider test in a few lines", run as it is shown (build-checks compares the two). */
class DocumentedGoogleLoginTest {
    @Test
    void aLoginThroughTheEngineFixtureAndTheFakeGoogleSignsTheUserIn() {
        try (FakeGoogle google = new FakeGoogle()) {
            // snippet:fixture
            EngineFixture fx = new EngineFixture();
            fx.addApp("google", "Google", FakeGoogle.CLIENT_ID, FakeGoogle.CLIENT_SECRET, Map.of("discovery_url", google.discoveryUrl()));
            LoginOutcome outcome = new LoginDance().login(fx.engine(new GoogleBackend()), "google");
            assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
            // end:fixture
        }
    }
}
