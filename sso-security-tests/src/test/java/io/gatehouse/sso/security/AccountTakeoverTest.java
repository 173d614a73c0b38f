package io.gatehouse.sso.security;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.testidp.FakeIdp;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * django-allauth's account-takeover advisories, re-played: an IdP asserting an email it did not verify,
 * identities keyed on claims users can change, and one subject reaching another user's account. The
 * basic "unverified email never links" and "verified email does not link while linking is off" cases
 * are in {@code OpenIdConnectLoginTest}.
 */
class AccountTakeoverTest {
    final SecurityBench bench = new SecurityBench();

    @AfterEach
    void close() {
        bench.close();
    }

    User existingUser(String username, String email, boolean active) {
        User user = bench.fx.store.register(new Registration(new UserDraft(username, email, "", "", active),
                new IdentitySignIn("github", username + "-gh", Map.of(), null, Instant.now()), Set.of())).user();
        bench.baseline();
        return user;
    }

    static Stream<Object> notABooleanTrue() {
        return Stream.of("yes", "1", 1, "True", "TRUE", List.of(true), Map.of("value", true), "true ");
    }

    @ParameterizedTest(name = "email_verified = {0}")
    @MethodSource("notABooleanTrue")
    void anEmailVerifiedClaimThatIsNotTrueNeverLinksToTheExistingUser(Object verified) {
        bench.fx.set(SettingKey.LOGIN_SSO_LINK_BY_EMAIL, "true");
        existingUser("ada", "ada@example.com", true);

        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).subject("attacker")
                .claim("email_verified", verified).build())), FailureCode.EMAIL_IN_USE);
    }

    @Test
    void anUnverifiedEmailInAnotherCaseNeverLinksToTheExistingUser() {
        bench.fx.set(SettingKey.LOGIN_SSO_LINK_BY_EMAIL, "true");
        existingUser("ada", "ada@example.com", true);

        bench.assertRefused(bench.loginWith(p -> bench.idp.sign(bench.claims(p).subject("attacker")
                .claim("email", "ADA@Example.COM").claim("email_verified", false).build())), FailureCode.EMAIL_IN_USE);
    }

    @Test
    void aVerifiedEmailNeverLinksToAnInactiveUser() {
        // an unconfirmed or deactivated account must not be claimed through another identity
        bench.fx.set(SettingKey.LOGIN_SSO_LINK_BY_EMAIL, "true");
        existingUser("ada", "ada@example.com", false);

        bench.assertRefused(bench.validLogin("attacker", "ada@example.com"), FailureCode.EMAIL_IN_USE);
    }

    @Test
    void aVerifiedEmailSharedByTwoUsersLinksToNeither() {
        bench.fx.set(SettingKey.LOGIN_SSO_LINK_BY_EMAIL, "true");
        existingUser("ada", "ada@example.com", true);
        existingUser("ada2", "Ada@example.com", true);

        bench.assertRefused(bench.validLogin("attacker", "ada@example.com"), FailureCode.EMAIL_IN_USE);
    }

    @Test
    void aKnownIdentityAssertingAnotherUsersEmailStillSignsInAsItself() {
        bench.fx.set(SettingKey.LOGIN_SSO_LINK_BY_EMAIL, "true");
        User admin = existingUser("admin", "admin@example.com", true);
        User mallory = ((LoginOutcome.SignedIn) bench.validLogin("mallory-sub", "mallory@example.com")).user();

        LoginOutcome outcome = bench.validLogin("mallory-sub", "admin@example.com");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
            assertThat(s.user().id()).isEqualTo(mallory.id()).isNotEqualTo(admin.id());
            assertThat(s.newUser()).isFalse();
        });
        assertThat(bench.fx.store.findByUser(admin.id())).extracting(a -> a.provider()).containsExactly("github");
    }

    @Test
    void theSameSubjectFromAnotherProviderIsAnotherIdentity() {
        bench.fx.apps.save(SocialApp.builder("openid_connect").providerId("partner").name("Partner IdP").clientId(FakeIdp.CLIENT_ID)
                .secret(Secrets.CLIENT_SECRET).settings(Map.of("server_url", bench.idp.issuer(), "fetch_userinfo", false))
                .sites("localhost").build());
        User first = ((LoginOutcome.SignedIn) bench.validLogin("shared-sub", "ada@example.com")).user();
        bench.baseline();

        SecurityBench.Pending p = SecurityBench.begin(bench.engine, "partner", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
        bench.answer(p, bench.idp.sign(bench.claims(p).subject("shared-sub").claim("email", "ada@example.com").build()));
        LoginOutcome atPartner = bench.engine.completeLogin("partner", SecurityBench.callback(p, p.cookies(), null));

        bench.assertRefused(atPartner, FailureCode.EMAIL_IN_USE, "auth:/accounts/partner/login/callback/");
        assertThat(bench.fx.store.findByUser(first.id())).singleElement()
                .satisfies(a -> assertThat(a.provider()).isEqualTo(SecurityBench.ROUTE));
    }

    // ---- the uid must be immutable

    @ParameterizedTest(name = "uid_field = {0}")
    @ValueSource(strings = {"preferred_username", "email", "EMAIL", "name", "nickname", "upn", "unique_name", "given_name"})
    void aMutableClaimAsUidFieldIsRefusedBeforeTheLoginStarts(String uidField) {
        try (SecurityBench mutable = new SecurityBench(Map.of("uid_field", uidField))) {
            LoginOutcome outcome = mutable.engine.beginLogin(SecurityBench.ROUTE,
                    new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

            mutable.assertRefused(outcome, FailureCode.APP_NOT_CONFIGURED, "auth:/accounts/openid_connect/login/");
            assertThat(mutable.fx.errors().get(0).info()).contains("uid_field");
        }
    }

    @Test
    void aMutableUidFieldSetWhileALoginIsUnderWayIsRefusedAtTheCallback() {
        SecurityBench.Pending p = bench.begin();
        bench.answer(p, bench.idp.sign(bench.claims(p).build()));
        SocialApp app = bench.fx.apps.findAll().get(0);
        bench.fx.apps.save(app.toBuilder()
                .settings(Map.of("server_url", bench.idp.issuer(), "fetch_userinfo", false, "uid_field", "preferred_username"))
                .build());

        bench.assertRefused(bench.complete(p), FailureCode.APP_NOT_CONFIGURED);
        assertThat(bench.idp.tokenRequests()).isEmpty();
    }

    /** Against a real OpenID Connect server, through the whole redirect dance. */
    @Nested
    class WithARealIdp {
        static final String CLIENT_ID = "gatehouse-security";
        final MockOAuth2Server idp = new MockOAuth2Server();
        final EngineFixture fx = new EngineFixture();
        final LoginDance dance = new LoginDance();
        LoginEngine engine;

        WithARealIdp() {
            idp.start();
            fx.addApp("openid_connect", "Corp", CLIENT_ID, Secrets.CLIENT_SECRET, Map.of("server_url", idp.issuerUrl("corp").toString()));
            engine = fx.engine(new OpenIdConnectBackend());
        }

        @AfterEach
        void stop() {
            idp.shutdown();
        }

        LoginOutcome login(String sub, String email, String preferredUsername) {
            Map<String, Object> claims = new HashMap<>(Map.of("email", email, "email_verified", true,
                    "preferred_username", preferredUsername));
            idp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", sub, "JWT", List.of(CLIENT_ID), claims, 3600));
            return dance.login(engine, "openid_connect");
        }

        @Test
        void aSecondSubjectWithTheSameEmailIsNotSignedInAsTheFirst() {
            User first = ((LoginOutcome.SignedIn) login("sub-1", "ada@example.com", "ada")).user();

            LoginOutcome second = login("sub-2", "ada@example.com", "ada");

            assertThat(second).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                    f -> assertThat(f.failure().code()).isEqualTo(FailureCode.EMAIL_IN_USE));
            assertThat(fx.store.find("openid_connect", "sub-2")).isEmpty();
            assertThat(fx.store.findByUser(first.id())).singleElement().satisfies(a -> assertThat(a.uid()).isEqualTo("sub-1"));
        }

        @Test
        void aSecondSubjectWithTheSamePreferredUsernameBecomesAnotherUser() {
            User first = ((LoginOutcome.SignedIn) login("sub-1", "ada@example.com", "ada")).user();

            LoginOutcome second = login("sub-2", "ada@elsewhere.example", "ada");

            assertThat(second).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
                assertThat(s.newUser()).isTrue();
                assertThat(s.user().id()).isNotEqualTo(first.id());
                assertThat(s.user().username()).isNotEqualTo(first.username());
            });
            assertThat(fx.store.find("openid_connect", "sub-1").orElseThrow().userId()).isEqualTo(first.id());
        }
    }
}
