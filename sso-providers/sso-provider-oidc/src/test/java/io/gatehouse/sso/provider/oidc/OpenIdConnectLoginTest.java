package io.gatehouse.sso.provider.oidc;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.core.SignupDetails;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The happy paths and the account policy, against a real OpenID Connect server (mock-oauth2-server)
 * through the whole redirect dance.
 */
class OpenIdConnectLoginTest {
    static final String CLIENT_ID = "inventree";
    static MockOAuth2Server idp;

    EngineFixture fx;
    LoginEngine engine;
    SocialApp app;
    final LoginDance dance = new LoginDance();

    @AfterEach
    void stopIdp() {
        idp.shutdown();
    }

    @BeforeEach
    void setUp() {
        // a fresh IdP per test: its queue of token callbacks must not leak from one test into the next
        idp = new MockOAuth2Server();
        idp.start();
        fx = new EngineFixture();
        app = fx.addApp("openid_connect", "Corp IdP", CLIENT_ID, "s3cret-client-value",
                Map.of("server_url", idp.issuerUrl("corp").toString()));
        engine = fx.engine(new OpenIdConnectBackend());
    }

    /** The app's settings from now on: its server_url and these (django-allauth's per-app settings). */
    void appSettings(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("server_url", idp.issuerUrl("corp").toString());
        fx.apps.save(app.toBuilder().settings(all).build());
    }

    User existingAda() {
        return fx.store.register(new Registration(new UserDraft("ada-local", "ada@example.com", "", "", true),
                new IdentitySignIn("github", "7", Map.of(), null, Instant.now()), Set.of())).user();
    }

    static void nextUser(String subject, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(Map.of("email", subject + "@example.com", "email_verified", true,
                "preferred_username", subject, "given_name", "Ada", "family_name", "Lovelace"));
        all.putAll(claims);
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CLIENT_ID), all, 3600));
    }

    @Test
    void theModuleIsRegisteredWithServiceLoaderUnderTheIdOpenidConnect() {
        assertThat(ProviderRegistry.load(List.of("openid_connect")).find("openid_connect"))
                .containsInstanceOf(OpenIdConnectBackend.class);
    }

    @Test
    void firstLoginCreatesTheUserFromTheProfileAndLinksTheIdentity() {
        nextUser("ada", Map.of());

        LoginOutcome outcome = dance.login(engine, "openid_connect");

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        LoginOutcome.SignedIn signedIn = (LoginOutcome.SignedIn) outcome;
        assertThat(signedIn.newUser()).isTrue();
        User user = signedIn.user();
        assertThat(user.username()).isEqualTo("ada");
        assertThat(user.email()).isEqualTo("ada@example.com");
        assertThat(user.firstName()).isEqualTo("Ada");
        assertThat(user.lastName()).isEqualTo("Lovelace");
        assertThat(user.active()).isTrue();
        SocialAccount account = fx.store.find("openid_connect", "ada").orElseThrow();
        assertThat(account.userId()).isEqualTo(user.id());
        assertThat(account.extraData()).containsEntry("sub", "ada").containsKey("iss");
        assertThat(fx.store.findToken("openid_connect", "ada")).hasValueSatisfying(t -> assertThat(t.accessToken()).isNotBlank());
        assertThat(fx.errors()).isEmpty();
    }

    @Test
    void secondLoginSignsInTheSameUserAndUpdatesExtraDataAndLastLogin() {
        nextUser("ada", Map.of("department", "old"));
        User first = ((LoginOutcome.SignedIn) dance.login(engine, "openid_connect")).user();
        Instant firstLogin = fx.store.find("openid_connect", "ada").orElseThrow().lastLogin();

        nextUser("ada", Map.of("department", "new"));
        LoginOutcome second = dance.login(engine, "openid_connect");

        assertThat(second).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
            assertThat(s.newUser()).isFalse();
            assertThat(s.user().id()).isEqualTo(first.id());
        });
        SocialAccount account = fx.store.find("openid_connect", "ada").orElseThrow();
        assertThat(account.extraData()).containsEntry("department", "new");
        assertThat(account.lastLogin()).isAfterOrEqualTo(firstLogin);
        assertThat(fx.store.findByEmail("ada@example.com")).hasSize(1);
    }

    @Test
    void theNextPathIsKeptWhenSafeAndReplacedWhenOffSite() {
        nextUser("ada", Map.of());
        var safe = dance.begin(engine, "openid_connect", new LoginRequest(AuthProcess.LOGIN, "/parts/?cat=4", EngineFixture.BASE, null, null));
        assertThat(dance.complete(engine, "openid_connect", safe, null).next()).isEqualTo("/parts/?cat=4");

        nextUser("ada", Map.of());
        var evil = dance.begin(engine, "openid_connect", new LoginRequest(AuthProcess.LOGIN, "https://evil.example/", EngineFixture.BASE, null, null));
        assertThat(dance.complete(engine, "openid_connect", evil, null).next()).isEqualTo("/");
    }

    @Test
    void theAuthorizationRequestCarriesStateNonceAndAPkceS256Challenge() {
        var started = dance.begin(engine, "openid_connect");
        var params = LoginDance.query(started.redirect().location());

        assertThat(params.get("state").get(0)).hasSizeGreaterThanOrEqualTo(22);
        assertThat(params.get("nonce").get(0)).hasSizeGreaterThanOrEqualTo(22);
        assertThat(params.get("code_challenge_method")).containsExactly("S256");
        assertThat(params.get("code_challenge").get(0)).isNotBlank();
        assertThat(params.get("redirect_uri")).containsExactly("http://localhost:8000/accounts/openid_connect/login/callback/");
        assertThat(params.get("scope").get(0).split(" ")).contains("openid", "email", "profile");
        assertThat(started.redirect().cookie().path()).isEqualTo("/accounts/");
        assertThat(started.redirect().cookie().sameSite()).isEqualTo("Lax");
    }

    @Test
    void pkceCanBeTurnedOffPerAppForIdpsThatRejectIt() {
        fx = new EngineFixture();
        fx.addApp("openid_connect", "Old IdP", CLIENT_ID, "s3cret-client-value",
                Map.of("server_url", idp.issuerUrl("corp").toString(), "pkce_enabled", false));
        engine = fx.engine(new OpenIdConnectBackend());
        nextUser("ada", Map.of());

        var started = dance.begin(engine, "openid_connect");

        assertThat(LoginDance.query(started.redirect().location())).doesNotContainKey("code_challenge");
        assertThat(dance.complete(engine, "openid_connect", started, null)).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void aMalformedAppSettingIsAConfigurationFailureNamingTheSetting() {
        fx = new EngineFixture();
        fx.addApp("openid_connect", "Typo", CLIENT_ID, "s3cret-client-value",
                Map.of("server_url", idp.issuerUrl("corp").toString(), "pkce_enabled", "perhaps"));
        engine = fx.engine(new OpenIdConnectBackend());

        assertFailure(engine.beginLogin("openid_connect", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null)),
                FailureCode.APP_NOT_CONFIGURED);
        assertThat(fx.errors().get(0).info()).contains("pkce_enabled");
    }

    @Test
    void twoParallelLoginsInTwoTabsBothComplete() {
        var tab1 = dance.begin(engine, "openid_connect");
        var tab2 = dance.begin(engine, "openid_connect");
        Map<String, String> browserCookies = new HashMap<>(tab1.cookies());
        browserCookies.putAll(tab2.cookies());

        nextUser("ada", Map.of());
        LoginOutcome second = engine.completeLogin("openid_connect", new io.gatehouse.sso.core.CallbackRequest(
                tab2.callbackParams(), browserCookies, EngineFixture.BASE, null));
        nextUser("ada", Map.of());
        LoginOutcome first = engine.completeLogin("openid_connect", new io.gatehouse.sso.core.CallbackRequest(
                tab1.callbackParams(), browserCookies, EngineFixture.BASE, null));

        assertThat(second).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(first).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void connectLinksTheIdentityToTheSignedInUser() {
        User bob = fx.store.register(new Registration(new UserDraft("bob", "bob@corp.example", "", "", true),
                new IdentitySignIn("github", "1", Map.of(), null, Instant.now()), Set.of())).user();
        nextUser("bob-oidc", Map.of());

        var started = dance.begin(engine, "openid_connect", new LoginRequest(AuthProcess.CONNECT, "/settings/", EngineFixture.BASE, null, bob.id()));
        LoginOutcome outcome = dance.complete(engine, "openid_connect", started, bob.id());

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Connected.class, c -> {
            assertThat(c.user().id()).isEqualTo(bob.id());
            assertThat(c.next()).isEqualTo("/settings/");
        });
        assertThat(fx.store.findByUser(bob.id())).extracting(SocialAccount::provider).contains("openid_connect", "github");
    }

    @Test
    void connectOfAnIdentityThatBelongsToAnotherUserIsRefused() {
        nextUser("ada", Map.of());
        User ada = ((LoginOutcome.SignedIn) dance.login(engine, "openid_connect")).user();
        User bob = fx.store.register(new Registration(new UserDraft("bob", "bob@corp.example", "", "", true),
                new IdentitySignIn("github", "1", Map.of(), null, Instant.now()), Set.of())).user();

        nextUser("ada", Map.of());
        var started = dance.begin(engine, "openid_connect", new LoginRequest(AuthProcess.CONNECT, "/", EngineFixture.BASE, null, bob.id()));
        LoginOutcome outcome = dance.complete(engine, "openid_connect", started, bob.id());

        assertFailure(outcome, FailureCode.IDENTITY_LINKED_ELSEWHERE);
        assertThat(fx.store.find("openid_connect", "ada").orElseThrow().userId()).isEqualTo(ada.id());
    }

    @Test
    void connectCompletedByAnotherSignedInUserIsRefused() {
        User bob = fx.store.register(new Registration(new UserDraft("bob", "bob@corp.example", "", "", true),
                new IdentitySignIn("github", "1", Map.of(), null, Instant.now()), Set.of())).user();
        nextUser("bob-oidc", Map.of());
        var started = dance.begin(engine, "openid_connect", new LoginRequest(AuthProcess.CONNECT, "/", EngineFixture.BASE, null, bob.id()));

        LoginOutcome outcome = dance.complete(engine, "openid_connect", started, "999");

        assertFailure(outcome, FailureCode.CONNECT_USER_MISMATCH);
        assertThat(fx.store.find("openid_connect", "bob-oidc")).isEmpty();
    }

    @Test
    void disconnectRemovesTheLink() {
        nextUser("ada", Map.of());
        User ada = ((LoginOutcome.SignedIn) dance.login(engine, "openid_connect")).user();

        assertThat(engine.disconnect(ada.id(), "openid_connect", "ada")).isTrue();
        assertThat(fx.store.find("openid_connect", "ada")).isEmpty();
        assertThat(engine.disconnect(ada.id(), "openid_connect", "ada")).isFalse();
    }

    @Test
    void withRegistrationOffAnUnknownIdentityIsRefusedAndNothingIsStored() {
        fx.set(SettingKey.LOGIN_ENABLE_SSO_REG, "false");
        nextUser("ada", Map.of());

        assertFailure(dance.login(engine, "openid_connect"), FailureCode.SIGNUP_CLOSED);
        assertThat(fx.nothingPersisted()).isTrue();
    }

    @Test
    void anEmailDomainOutsideTheRestrictionIsRefused() {
        fx.set(SettingKey.LOGIN_SIGNUP_MAIL_RESTRICTION, "@inventree.org, @corp.example");
        nextUser("ada", Map.of("email", "ada@gmail.com"));

        assertFailure(dance.login(engine, "openid_connect"), FailureCode.EMAIL_DOMAIN_NOT_ALLOWED);
        assertThat(fx.nothingPersisted()).isTrue();
    }

    @Test
    void anEmailDomainInsideTheRestrictionSignsUpIgnoringCase() {
        fx.set(SettingKey.LOGIN_SIGNUP_MAIL_RESTRICTION, "@inventree.org, @corp.example");
        nextUser("ada", Map.of("email", "Ada@CORP.example"));

        assertThat(dance.login(engine, "openid_connect")).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void aNewUserWithoutAnEmailIsRefusedNotCreatedPartially() {
        Map<String, Object> noEmail = new HashMap<>();
        noEmail.put("email", 42);
        nextUser("ada", noEmail);

        assertFailure(dance.login(engine, "openid_connect"), FailureCode.EMAIL_MISSING);
        assertThat(fx.nothingPersisted()).isTrue();
    }

    @Test
    void aVerifiedEmailLinksToTheExistingUserWhenLinkingIsOn() {
        fx.set(SettingKey.LOGIN_SSO_LINK_BY_EMAIL, "true");
        User existing = fx.store.register(new Registration(new UserDraft("ada-local", "ada@example.com", "", "", true),
                new IdentitySignIn("github", "7", Map.of(), null, Instant.now()), Set.of())).user();
        nextUser("ada", Map.of("email_verified", true));

        LoginOutcome outcome = dance.login(engine, "openid_connect");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> assertThat(s.user().id()).isEqualTo(existing.id()));
        assertThat(fx.store.find("openid_connect", "ada").orElseThrow().userId()).isEqualTo(existing.id());
    }

    @Test
    void anUnverifiedEmailNeverLinksToTheExistingUser() {
        fx.set(SettingKey.LOGIN_SSO_LINK_BY_EMAIL, "true");
        fx.store.register(new Registration(new UserDraft("ada-local", "ada@example.com", "", "", true),
                new IdentitySignIn("github", "7", Map.of(), null, Instant.now()), Set.of()));
        nextUser("ada", Map.of("email_verified", false));

        assertFailure(dance.login(engine, "openid_connect"), FailureCode.EMAIL_IN_USE);
        assertThat(fx.store.find("openid_connect", "ada")).isEmpty();
        assertThat(fx.errors().get(0).info()).contains("does not mark the email verified");
    }

    @Test
    void aVerifiedEmailDoesNotLinkWhileLinkingIsOff() {
        fx.store.register(new Registration(new UserDraft("ada-local", "ada@example.com", "", "", true),
                new IdentitySignIn("github", "7", Map.of(), null, Instant.now()), Set.of()));
        nextUser("ada", Map.of("email_verified", true));

        assertFailure(dance.login(engine, "openid_connect"), FailureCode.EMAIL_IN_USE);
        assertThat(fx.store.find("openid_connect", "ada")).isEmpty();
    }

    @Test
    void withSsoDisabledNeitherBeginNorCallbackWork() {
        var started = dance.begin(engine, "openid_connect");
        fx.set(SettingKey.LOGIN_ENABLE_SSO, "false");

        assertFailure(engine.beginLogin("openid_connect", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null)),
                FailureCode.SSO_DISABLED);
        nextUser("ada", Map.of());
        assertFailure(dance.complete(engine, "openid_connect", started, null), FailureCode.SSO_DISABLED);
        assertThat(fx.nothingPersisted()).isTrue();
        assertThat(engine.loginChoices(EngineFixture.BASE)).isEmpty();
    }

    @Test
    void registrationIsRefusedWhileMailIsNotConfigured() {
        fx.mailer.unconfigured();
        nextUser("ada", Map.of());

        assertFailure(dance.login(engine, "openid_connect"), FailureCode.MAIL_NOT_CONFIGURED);
        assertThat(fx.errors().get(0).info()).contains("SSO_EMAIL_HOST");
        assertThat(fx.nothingPersisted()).isTrue();
    }

    @Test
    void theSignupGroupIsGivenToNewUsers() {
        fx.set(SettingKey.SIGNUP_GROUP, "readers");
        nextUser("ada", Map.of());

        User ada = ((LoginOutcome.SignedIn) dance.login(engine, "openid_connect")).user();

        assertThat(fx.store.groupNamesOf(ada.id())).containsExactly("readers");
    }

    @Test
    void withAutoFillOffTheSignupIsPendingUntilTheHostsFormCompletesIt() {
        fx.set(SettingKey.LOGIN_SIGNUP_SSO_AUTO, "false");
        nextUser("ada", Map.of());

        LoginOutcome outcome = dance.login(engine, "openid_connect");

        assertThat(outcome).isInstanceOf(LoginOutcome.PendingSignup.class);
        LoginOutcome.PendingSignup pending = (LoginOutcome.PendingSignup) outcome;
        assertThat(pending.suggested().email()).isEqualTo("ada@example.com");
        assertThat(fx.nothingPersisted()).isTrue();

        LoginOutcome done = engine.completeSignup(pending.signupToken(),
                new SignupDetails("ada_l", "ada@example.com", "Ada", "L."), EngineFixture.BASE);

        assertThat(done).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
            assertThat(s.user().username()).isEqualTo("ada_l");
            assertThat(s.user().active()).isTrue();
        });
        assertFailure(engine.completeSignup(pending.signupToken(), new SignupDetails("ada2", "ada@example.com", "", ""),
                EngineFixture.BASE), FailureCode.CALLBACK_REPLAYED);
    }

    @Test
    void aPendingSignupRefusedForATakenEmailCanBeCorrectedAndSentAgain() {
        fx.set(SettingKey.LOGIN_SIGNUP_SSO_AUTO, "false");
        fx.store.register(new Registration(new UserDraft("taken", "taken@example.com", "", "", true),
                new IdentitySignIn("github", "9", Map.of(), null, Instant.now()), Set.of()));
        nextUser("ada", Map.of());
        LoginOutcome.PendingSignup pending = (LoginOutcome.PendingSignup) dance.login(engine, "openid_connect");

        assertFailure(engine.completeSignup(pending.signupToken(), new SignupDetails("ada", "taken@example.com", "", ""),
                EngineFixture.BASE), FailureCode.EMAIL_IN_USE);
        LoginOutcome corrected = engine.completeSignup(pending.signupToken(),
                new SignupDetails("ada", "ada@example.com", "", ""), EngineFixture.BASE);

        assertThat(corrected).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void anIdpErrorIsRecordedReadablyWithoutBlankingItsCode() {
        var started = dance.begin(engine, "openid_connect");
        String state = started.callbackParams().get("state").get(0);

        LoginOutcome outcome = engine.completeLogin("openid_connect", new io.gatehouse.sso.core.CallbackRequest(
                Map.of("state", List.of(state), "error", List.of("access_denied"), "error_description", List.of("User said no")),
                started.cookies(), EngineFixture.BASE, null));

        assertFailure(outcome, FailureCode.CANCELLED);
        assertThat(fx.errors().get(0).info()).contains("error=access_denied: User said no").doesNotContain(state);
    }

    @Test
    void anUnverifiedEmailCreatesAnInactiveUserAndSendsAConfirmationLink() {
        nextUser("ada", Map.of("email_verified", false));

        LoginOutcome outcome = dance.login(engine, "openid_connect");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.AwaitingVerification.class, a -> {
            assertThat(a.user().active()).isFalse();
            assertThat(a.mailSent()).isTrue();
        });
        assertThat(fx.mailer.sent()).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("ada@example.com");
            assertThat(m.text()).contains("http://localhost:8000/accounts/confirm-email/");
        });
    }

    @Test
    void theProviderListShowsUsableAppsWithTheirLoginUrls() {
        assertThat(engine.loginChoices(EngineFixture.BASE)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("openid_connect");
            assertThat(c.name()).isEqualTo("Corp IdP");
            assertThat(c.loginUrl()).isEqualTo("http://localhost:8000/accounts/openid_connect/login/");
        });
    }

    static void assertFailure(LoginOutcome outcome, FailureCode code) {
        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class, f -> {
            assertThat(f.failure().code()).isEqualTo(code);
            assertThat(f.failure().errorLogId()).isNotNull();
        });
    }

    @Test
    void verifiedEmailTrueTrustsAnUnverifiedAddressSoTheNewUserIsActiveWithoutAConfirmationMail() {
        appSettings(Map.of("verified_email", true));
        nextUser("ada", Map.of("email_verified", false));

        LoginOutcome outcome = dance.login(engine, "openid_connect");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> assertThat(s.user().active()).isTrue());
        assertThat(fx.mailer.sent()).isEmpty();
    }

    @Test
    void verifiedEmailDomainsTrustOnlyAddressesInThem() {
        appSettings(Map.of("VERIFIED_EMAIL", List.of("example.org")));
        nextUser("ada", Map.of("email_verified", false));

        assertThat(dance.login(engine, "openid_connect")).isInstanceOf(LoginOutcome.AwaitingVerification.class);
    }

    @Test
    void emailAuthenticationSignsInTheExistingUserByVerifiedEmailWithoutLinkingTheIdentity() {
        User existing = existingAda();
        appSettings(Map.of("EMAIL_AUTHENTICATION", true));
        nextUser("ada", Map.of("email_verified", true));

        LoginOutcome outcome = dance.login(engine, "openid_connect");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
            assertThat(s.user().id()).isEqualTo(existing.id());
            assertThat(s.newUser()).isFalse();
            assertThat(s.account()).isNull();
        });
        assertThat(fx.store.find("openid_connect", "ada")).isEmpty();
        assertThat(fx.store.findByEmail("ada@example.com")).hasSize(1);
    }

    @Test
    void emailAuthenticationAutoConnectAlsoLinksTheIdentity() {
        User existing = existingAda();
        appSettings(Map.of("email_authentication", true, "EMAIL_AUTHENTICATION_AUTO_CONNECT", true));
        nextUser("ada", Map.of("email_verified", true));

        LoginOutcome outcome = dance.login(engine, "openid_connect");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> assertThat(s.account()).isNotNull());
        assertThat(fx.store.find("openid_connect", "ada").orElseThrow().userId()).isEqualTo(existing.id());
    }

    @Test
    void emailAuthenticationNeverUsesAnUnverifiedAddress() {
        existingAda();
        appSettings(Map.of("EMAIL_AUTHENTICATION", true, "EMAIL_AUTHENTICATION_AUTO_CONNECT", true));
        nextUser("ada", Map.of("email_verified", false));

        assertFailure(dance.login(engine, "openid_connect"), FailureCode.EMAIL_IN_USE);
        assertThat(fx.store.find("openid_connect", "ada")).isEmpty();
    }

    @Test
    void emailAuthenticationUsesAnAddressThatVerifiedEmailTrusts() {
        User existing = existingAda();
        appSettings(Map.of("EMAIL_AUTHENTICATION", true, "VERIFIED_EMAIL", List.of("example.com")));
        nextUser("ada", Map.of("email_verified", false));

        assertThat(dance.login(engine, "openid_connect")).isInstanceOfSatisfying(LoginOutcome.SignedIn.class,
                s -> assertThat(s.user().id()).isEqualTo(existing.id()));
    }

    @Test
    void anAdminAppWithAnUnusableAllauthSettingFailsAtSelectionNamingIt() {
        appSettings(Map.of("EMAIL_AUTHENTICATION_AUTO_CONNECT", "sometimes"));

        LoginOutcome outcome = engine.beginLogin("openid_connect", new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

        assertFailure(outcome, FailureCode.APP_NOT_CONFIGURED);
        assertThat(fx.errors().get(0).info()).contains("Social application 'Corp IdP'", "EMAIL_AUTHENTICATION_AUTO_CONNECT");
        assertThat(fx.errors().get(0).data()).contains("setting=EMAIL_AUTHENTICATION_AUTO_CONNECT");
    }
}
