package io.gatehouse.sso.provider.microsoft;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.gatehouse.sso.provider.microsoft.FakeMicrosoft.TENANT_A;
import static io.gatehouse.sso.provider.microsoft.FakeMicrosoft.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole logins through the engine, with Microsoft's answers played by {@link FakeMicrosoft}. */
class MicrosoftLoginTest {
    final LoginDance dance = new LoginDance();
    FakeMicrosoft microsoft;
    EngineFixture fx;

    @BeforeEach
    void start() {
        microsoft = new FakeMicrosoft();
        fx = new EngineFixture();
    }

    @AfterEach
    void stop() {
        microsoft.close();
    }

    /** The tenant comes from social_providers (as in an InvenTree config), the rest from the app's settings. */
    LoginEngine engine(String tenant, Map<String, Object> appSettings) {
        Map<String, Object> all = new HashMap<>(Map.of("login_url", microsoft.base(), "graph_url", microsoft.base()));
        all.putAll(appSettings);
        fx.addApp("microsoft", "Microsoft", FakeMicrosoft.CLIENT_ID, FakeMicrosoft.CLIENT_SECRET, all);
        return fx.engine(Map.of("social_providers", Map.of("microsoft", Map.of("TENANT", tenant))), new MicrosoftBackend());
    }

    @Test
    void aUserOfThePinnedTenantWithAnAddressInAVerifiedDomainSignsUpActiveLinkedByOid() {
        LoginOutcome outcome = dance.login(engine(TENANT_A, Map.of("verified_email_domains", List.of("contoso.com"))), "microsoft");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
            assertThat(s.user().email()).isEqualTo("Ada.Lovelace@contoso.com");
            assertThat(s.user().active()).isTrue();
            assertThat(s.user().firstName()).isEqualTo("Ada");
        });
        assertThat(fx.store.find("microsoft", FakeMicrosoft.OID)).isPresent();
        assertThat(microsoft.request("/" + TENANT_A + "/oauth2/v2.0/authorize").getUrl().queryParameter("redirect_uri"))
                .isEqualTo("http://localhost:8000/accounts/microsoft/login/callback/");
    }

    @Test
    void anAddressMicrosoftDoesNotVouchForCreatesAnInactiveUserAwaitingConfirmation() {
        LoginOutcome outcome = dance.login(engine("organizations", Map.of()), "microsoft");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.AwaitingVerification.class, a -> assertThat(a.user().active()).isFalse());
        assertThat(fx.mailer.sent()).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("Ada.Lovelace@contoso.com"));
    }

    @Test
    void aTenantOutsideTheAllowListPersistsNothingAndLeavesAnErrorLogRecord() {
        microsoft.idToken(b -> b.claim("tid", TENANT_B).issuer(microsoft.issuerOf(TENANT_B)));

        LoginOutcome outcome = dance.login(engine("organizations", Map.of("allowed_tenants", List.of(TENANT_A))), "microsoft");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.ACCESS_RESTRICTED));
        assertThat(fx.nothingPersisted()).isTrue();
        assertThat(fx.store.find("microsoft", FakeMicrosoft.OID)).isEmpty();
        assertThat(fx.errors()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("sso.access_restricted");
            assertThat(r.info()).contains(TENANT_B).doesNotContain(FakeMicrosoft.CLIENT_SECRET, FakeMicrosoft.ACCESS_TOKEN);
        });
    }

    @Test
    void anIssuerOfAnotherTenantThanTheTidPersistsNothingAndLeavesAnErrorLogRecord() {
        microsoft.idToken(b -> b.claim("tid", TENANT_A).issuer(microsoft.issuerOf(TENANT_B)));

        LoginOutcome outcome = dance.login(engine("common", Map.of()), "microsoft");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.ISSUER_MISMATCH));
        assertThat(fx.nothingPersisted()).isTrue();
        assertThat(fx.errors()).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo("sso.issuer_mismatch"));
    }

    @Test
    void aGroupOverageIsStoredAsTheMarkerWithoutAPartialGroupsClaim() {
        microsoft.idToken(b -> b.claim("groups", List.of("partial")).claim("_claim_names", Map.of("groups", "src1")));

        dance.login(engine(TENANT_A, Map.of("verified_email_domains", List.of("contoso.com"))), "microsoft");

        assertThat(fx.store.find("microsoft", FakeMicrosoft.OID).orElseThrow().extraData())
                .containsEntry(MicrosoftBackend.GROUPS_OVERAGE_CLAIM, true).doesNotContainKey("groups");
    }

    @Test
    void allauthsVerifiedEmailInTheConfigurationStopsStartUpNamingWhatToUseInstead() {
        fx.addApp("microsoft", "Microsoft", FakeMicrosoft.CLIENT_ID, FakeMicrosoft.CLIENT_SECRET, Map.of());

        assertThatThrownBy(() -> fx.engine(Map.of("social_providers", Map.of("microsoft",
                Map.of("TENANT", TENANT_A, "VERIFIED_EMAIL", true))), new MicrosoftBackend()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("microsoft: provider setting 'VERIFIED_EMAIL' is not supported here")
                .hasMessageContaining("verified_email_domains");
    }

    @Test
    void allauthsVerifiedEmailOnAnAdminAppRefusesItsLoginsAndNothingIsPersisted() {
        LoginOutcome outcome = engine(TENANT_A, Map.of("verified_email", true)).beginLogin("microsoft",
                new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class,
                f -> assertThat(f.failure().code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED));
        assertThat(fx.errors()).singleElement().satisfies(r -> assertThat(r.info())
                .contains("Social application 'Microsoft' (microsoft)", "VERIFIED_EMAIL", "verified_email_domains"));
        assertThat(fx.nothingPersisted()).isTrue();
    }

    @Test
    void verifiedEmailFalseIsHarmlessAndAccepted() {
        LoginOutcome outcome = dance.login(engine(TENANT_A, Map.of("verified_email", false,
                "verified_email_domains", List.of("contoso.com"))), "microsoft");

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
    }
}
