package io.gatehouse.sso.provider.microsoft;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.fixtures.BackendContexts;
import io.gatehouse.sso.fixtures.LoginDance;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.gatehouse.sso.provider.microsoft.FakeMicrosoft.CONSUMERS_TENANT;
import static io.gatehouse.sso.provider.microsoft.FakeMicrosoft.TENANT_A;
import static io.gatehouse.sso.provider.microsoft.FakeMicrosoft.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Microsoft backend against a fake Microsoft identity platform and Graph. */
class MicrosoftBackendTest {
    static final URI CALLBACK = URI.create("http://localhost:8000/accounts/microsoft/login/callback/");
    static final String NONCE = "nonce-0123456789abcdefghij";
    static final String VERIFIER = "verifier-0123456789abcdefghijklmnopqrstuvwxyz0123";

    final MicrosoftBackend backend = new MicrosoftBackend();
    FakeMicrosoft microsoft;

    @BeforeEach
    void start() {
        microsoft = new FakeMicrosoft();
    }

    @AfterEach
    void stop() {
        microsoft.close();
    }

    ProviderContext context(Map<String, Object> settings) {
        return BackendContexts.forApp("microsoft", "Microsoft", FakeMicrosoft.CLIENT_ID, FakeMicrosoft.CLIENT_SECRET, settings,
                CALLBACK);
    }

    Map<String, Object> atFake(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(Map.of("login_url", microsoft.base(), "graph_url", microsoft.base()));
        all.putAll(settings);
        return all;
    }

    URI authorize(Map<String, Object> settings) throws ProviderException {
        ProviderContext ctx = context(atFake(settings));
        backend.checkSettings(ctx);
        return backend.authorizationUri(ctx, new AuthorizationParams("state-0123456789abcdefghij", NONCE, VERIFIER));
    }

    ProviderProfile signIn(Map<String, Object> settings) throws ProviderException {
        authorize(settings);
        microsoft.expectNonce(NONCE);
        return backend.exchange(context(atFake(settings)), new CodeExchange("0.AXoA-code", VERIFIER, NONCE)).profile();
    }

    /** A token of a user in {@code tid}, issued by {@code tid}'s issuer. */
    void tokenOfTenant(String tid) {
        microsoft.idToken(b -> b.claim("tid", tid).issuer(microsoft.issuerOf(tid)));
    }

    static ProviderException failure(ThrowableAssert.ThrowingCallable call) {
        ProviderException e = catchThrowableOfType(ProviderException.class, call);
        assertThat(e).as("expected a ProviderException").isNotNull();
        return e;
    }

    static String testLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")), StandardCharsets.UTF_8);
    }

    @Test
    void theModuleIsRegisteredWithServiceLoaderUnderTheIdMicrosoft() {
        ProviderBackend found = ProviderRegistry.load(List.of("microsoft")).find("microsoft").orElseThrow();

        assertThat(found).isInstanceOf(MicrosoftBackend.class);
        assertThat(found.displayName()).isEqualTo("Microsoft");
    }

    @Test
    void withoutSettingsDiscoveryIsAtTheCommonTenantOfLoginMicrosoftonlineCom() throws Exception {
        assertThat(backend.issuer(context(Map.of()))).isEqualTo("https://login.microsoftonline.com/common/v2.0");
    }

    @Test
    void theAuthorizationRequestUsesTheTenantsDiscoveredEndpointWithDefaultScopesCallbackNonceAndPkce() throws Exception {
        URI uri = authorize(Map.of());
        Map<String, List<String>> q = LoginDance.query(uri);

        assertThat(microsoft.request("/common/v2.0/.well-known/openid-configuration")).isNotNull();
        assertThat(uri.toString()).startsWith(microsoft.base() + "/common/oauth2/v2.0/authorize?");
        assertThat(q.get("scope").get(0).split(" ")).containsExactlyInAnyOrder("openid", "email", "profile", "User.Read");
        assertThat(q.get("redirect_uri")).containsExactly(CALLBACK.toString());
        assertThat(q.get("client_id")).containsExactly(FakeMicrosoft.CLIENT_ID);
        assertThat(q.get("nonce")).containsExactly(NONCE);
        assertThat(q.get("code_challenge_method")).containsExactly("S256");
    }

    @Test
    void anUnknownTenantValueIsAConfigurationError() {
        ProviderException e = failure(() -> backend.checkSettings(context(Map.of("TENANT", "../common"))));

        assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("TENANT");
    }

    @Nested
    class Issuers {
        @Test
        void theCommonTenantAcceptsATokenIssuedByTheTenantNamedInItsTid() throws Exception {
            assertThat(signIn(Map.of()).uid()).isEqualTo(FakeMicrosoft.OID);
        }

        @Test
        void theCommonTenantRefusesATokenWhoseIssuerNamesAnotherTenantThanItsTid() {
            microsoft.idToken(b -> b.claim("tid", TENANT_A).issuer(microsoft.issuerOf(TENANT_B)));

            assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.ISSUER_MISMATCH);
        }

        @Test
        void theCommonTenantRefusesATokenWithTheTemplateAsIssuer() {
            microsoft.idToken(b -> b.issuer(microsoft.base() + "/{tenantid}/v2.0"));

            assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.ISSUER_MISMATCH);
        }

        @Test
        void aTokenWhoseTidIsNotATenantIdIsRefused() {
            microsoft.idToken(b -> b.claim("tid", "common").issuer(microsoft.base() + "/common/v2.0"));

            assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.ID_TOKEN_INVALID);
        }

        @Test
        void theOrganizationsTenantAcceptsTokensOfAnyWorkTenant() throws Exception {
            tokenOfTenant(TENANT_B);

            assertThat(signIn(Map.of("TENANT", "organizations")).uid()).isEqualTo(FakeMicrosoft.OID);
        }

        @Test
        void theConsumersTenantAcceptsPersonalAccounts() throws Exception {
            tokenOfTenant(CONSUMERS_TENANT);

            assertThat(signIn(Map.of("tenant", "consumers")).claims()).containsEntry("tid", CONSUMERS_TENANT);
        }

        @Test
        void theConsumersTenantRefusesWorkAccounts() {
            tokenOfTenant(TENANT_A);

            assertThat(failure(() -> signIn(Map.of("tenant", "consumers"))).code()).isEqualTo(FailureCode.ISSUER_MISMATCH);
        }

        @Test
        void aSpecificTenantAcceptsItsOwnTokens() throws Exception {
            assertThat(signIn(Map.of("TENANT", TENANT_A)).uid()).isEqualTo(FakeMicrosoft.OID);
            assertThat(microsoft.request("/" + TENANT_A + "/v2.0/.well-known/openid-configuration")).isNotNull();
        }

        @Test
        void aSpecificTenantRefusesATokenOfAnotherTenantEvenWithThatTenantsIssuer() {
            tokenOfTenant(TENANT_B);

            assertThat(failure(() -> signIn(Map.of("TENANT", TENANT_A))).code()).isEqualTo(FailureCode.ISSUER_MISMATCH);
        }

        @Test
        void aSpecificTenantRefusesADiscoveryDocumentOfAnotherTenant() {
            String otherDocument = microsoft.base() + "/" + TENANT_B + "/v2.0/.well-known/openid-configuration";

            ProviderException e = failure(() -> signIn(Map.of("TENANT", TENANT_A, "discovery_url", otherDocument)));

            assertThat(e.code()).isEqualTo(FailureCode.ISSUER_MISMATCH);
            assertThat(e.getMessage()).contains(TENANT_B, TENANT_A);
        }

        @Test
        void aTenantDomainAcceptsTokensOfTheTenantItsDocumentNames() throws Exception {
            assertThat(signIn(Map.of("TENANT", FakeMicrosoft.TENANT_A_DOMAIN)).uid()).isEqualTo(FakeMicrosoft.OID);
        }

        @Test
        void aTenantDomainRefusesTokensOfOtherTenants() {
            tokenOfTenant(TENANT_B);

            assertThat(failure(() -> signIn(Map.of("TENANT", FakeMicrosoft.TENANT_A_DOMAIN))).code()).isEqualTo(FailureCode.ISSUER_MISMATCH);
        }

        @Test
        void theSignatureIsStillVerifiedAfterTheIssuerIsChosen() {
            microsoft.answerToken(r -> {
                String token = microsoft.sign(microsoft.claims(NONCE).build());
                String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
                return FakeMicrosoft.json(200, "{\"token_type\": \"Bearer\", \"expires_in\": 3600, \"access_token\": \"at-xyz\", "
                        + "\"id_token\": \"" + tampered + "\"}");
            });

            assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.ID_TOKEN_SIGNATURE_INVALID);
        }
    }

    @Nested
    class AllowedTenants {
        @Test
        void aTenantInTheAllowListSignsIn() throws Exception {
            tokenOfTenant(TENANT_B);

            assertThat(signIn(Map.of("allowed_tenants", List.of(TENANT_A, TENANT_B.toUpperCase()))).uid()).isEqualTo(FakeMicrosoft.OID);
        }

        @Test
        void aTenantOutsideTheAllowListIsRestricted() {
            tokenOfTenant(TENANT_B);

            ProviderException e = failure(() -> signIn(Map.of("allowed_tenants", List.of(TENANT_A))));

            assertThat(e.code()).isEqualTo(FailureCode.ACCESS_RESTRICTED);
            assertThat(e.getMessage()).contains(TENANT_B);
            assertThat(microsoft.requests()).noneMatch(r -> r.getUrl().encodedPath().equals("/v1.0/me"));
        }

        @Test
        void anAllowListEntryThatIsNotATenantIdIsAConfigurationError() {
            ProviderException e = failure(() -> backend.checkSettings(context(Map.of("allowed_tenants", "contoso.com"))));

            assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
        }
    }

    @Nested
    class Profile {
        @Test
        void theUidIsTheOidClaimNotThePairwiseSub() throws Exception {
            ProviderProfile profile = signIn(Map.of());

            assertThat(profile.uid()).isEqualTo(FakeMicrosoft.OID);
            assertThat(profile.claims()).containsEntry("sub", FakeMicrosoft.PAIRWISE_SUB);
        }

        @Test
        void uidFieldSubChoosesThePairwiseSubject() throws Exception {
            assertThat(signIn(Map.of("uid_field", "sub")).uid()).isEqualTo(FakeMicrosoft.PAIRWISE_SUB);
        }

        @Test
        void aTokenWithoutOidIsRefusedNamingTheProfileScope() {
            microsoft.idToken(b -> b.claim("oid", null));

            ProviderException e = failure(() -> signIn(Map.of()));

            assertThat(e.code()).isEqualTo(FailureCode.PROFILE_INVALID);
            assertThat(e.getMessage()).contains("profile");
        }

        @Test
        void graphIsCalledWithTheAccessTokenAsBearer() throws Exception {
            signIn(Map.of());

            var me = microsoft.request("/v1.0/me");
            assertThat(me.getMethod()).isEqualTo("GET");
            assertThat(me.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeMicrosoft.ACCESS_TOKEN);
        }

        @Test
        void theCodeIsExchangedWithTheCallbackUrl() throws Exception {
            signIn(Map.of());

            var token = microsoft.request("/common/oauth2/v2.0/token");
            assertThat(token.getBody().utf8()).contains("redirect_uri=" + java.net.URLEncoder.encode(CALLBACK.toString(), StandardCharsets.UTF_8));
        }

        @Test
        void theEmailIsGraphsMailAndUnverified() throws Exception {
            assertThat(signIn(Map.of()).emails()).containsExactly(new EmailAddress("Ada.Lovelace@contoso.com", false, true));
        }

        @Test
        void theUserPrincipalNameIsTheEmailWhenGraphHasNoMail() throws Exception {
            microsoft.answerMe(r -> FakeMicrosoft.json(200, FakeMicrosoft.ME.replace("\"mail\": \"Ada.Lovelace@contoso.com\"", "\"mail\": null")));

            assertThat(signIn(Map.of()).emails()).containsExactly(new EmailAddress("ada@contoso.onmicrosoft.com", false, true));
        }

        @Test
        void aGuestsUserPrincipalNameIsNoEmailSoTheHomeAddressIsUsed() throws Exception {
            microsoft.answerMe(r -> FakeMicrosoft.json(200, FakeMicrosoft.ME.replace("\"mail\": \"Ada.Lovelace@contoso.com\"", "\"mail\": null")
                    .replace("ada@contoso.onmicrosoft.com", "ada_gmail.com#EXT#@contoso.onmicrosoft.com")));
            microsoft.idToken(b -> b.claim("preferred_username", "ada@gmail.com"));

            ProviderProfile profile = signIn(Map.of());

            assertThat(profile.emails()).containsExactly(new EmailAddress("ada@gmail.com", false, true));
            assertThat(profile.username()).isEqualTo("ada");
        }

        @Test
        void namesAndUsernameComeFromGraph() throws Exception {
            ProviderProfile profile = signIn(Map.of());

            assertThat(profile.firstName()).isEqualTo("Ada");
            assertThat(profile.lastName()).isEqualTo("Lovelace");
            assertThat(profile.username()).isEqualTo("ada");
            assertThat(profile.claims()).containsEntry("jobTitle", "Analyst").doesNotContainKey("@odata.context");
        }

        @Test
        void graphFieldsNeverReplaceIdTokenClaims() throws Exception {
            microsoft.answerMe(r -> FakeMicrosoft.json(200, FakeMicrosoft.ME.replace("\"jobTitle\"", "\"tid\": \"" + TENANT_B + "\", \"jobTitle\"")));

            assertThat(signIn(Map.of()).claims()).containsEntry("tid", TENANT_A);
        }

        @Test
        void withGraphRefusingTheTokenTheProfileComesFromTheIdTokenAndAWarningIsLogged() throws Exception {
            microsoft.answerMe(r -> FakeMicrosoft.json(403, "{\"error\": {\"code\": \"Authorization_RequestDenied\", "
                    + "\"message\": \"Insufficient privileges to complete the operation.\", "
                    + "\"innerError\": {\"date\": \"2024-05-01T10:00:00\", \"request-id\": \"0b4b6e4a-1111-2222-3333-444455556666\"}}}"));

            ProviderProfile profile = signIn(Map.of());

            assertThat(profile.uid()).isEqualTo(FakeMicrosoft.OID);
            assertThat(profile.emails()).containsExactly(new EmailAddress("ada@contoso.onmicrosoft.com", false, true));
            assertThat(profile.firstName()).isEqualTo("Ada");
            assertThat(testLog()).contains("Graph GET /v1.0/me answered HTTP 403 (Authorization_RequestDenied");
        }

        @Test
        void aGraphServerErrorIsAnInvalidResponse() {
            microsoft.answerMe(r -> FakeMicrosoft.json(503, "{\"error\": {\"code\": \"serviceNotAvailable\", \"message\": \"Service unavailable\"}}"));

            ProviderException e = failure(() -> signIn(Map.of()));

            assertThat(e.code()).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
            assertThat(e.getMessage()).contains("HTTP 503", "serviceNotAvailable");
        }

        @Test
        void aGraphProfileOfAnotherUserIsRefused() {
            microsoft.answerMe(r -> FakeMicrosoft.json(200, FakeMicrosoft.ME.replace(FakeMicrosoft.OID, "11111111-2222-3333-4444-555555555555")));

            assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.USERINFO_SUBJECT_MISMATCH);
        }

        @Test
        void aRefusedCodeIsATokenExchangeFailureNamingMicrosoftsError() {
            microsoft.answerToken(r -> FakeMicrosoft.json(400, "{\"error\": \"invalid_grant\", \"error_description\": \"AADSTS70008: "
                    + "The provided authorization code or refresh token has expired due to inactivity.\", \"error_codes\": [70008], "
                    + "\"timestamp\": \"2024-05-01 10:00:00Z\", \"trace_id\": \"0000aaaa-11bb-cccc-dd22-eeeeee333333\"}"));

            ProviderException e = failure(() -> signIn(Map.of()));

            assertThat(e.code()).isEqualTo(FailureCode.TOKEN_EXCHANGE_FAILED);
            assertThat(e.getMessage()).contains("invalid_grant", "AADSTS70008");
        }
    }

    @Nested
    class VerifiedDomains {
        @Test
        void anAddressInAVerifiedDomainIsVerified() throws Exception {
            ProviderProfile profile = signIn(Map.of("TENANT", TENANT_A, "verified_email_domains", List.of("Contoso.com")));

            assertThat(profile.emails()).containsExactly(new EmailAddress("Ada.Lovelace@contoso.com", true, true));
        }

        @Test
        void anAddressInASubdomainOfAVerifiedDomainIsNotVerified() throws Exception {
            microsoft.answerMe(r -> FakeMicrosoft.json(200, FakeMicrosoft.ME.replace("Ada.Lovelace@contoso.com", "ada@eu.contoso.com")));

            ProviderProfile profile = signIn(Map.of("TENANT", TENANT_A, "verified_email_domains", "contoso.com"));

            assertThat(profile.emails()).containsExactly(new EmailAddress("ada@eu.contoso.com", false, true));
        }

        @Test
        void anAddressInAnotherDomainIsNotVerified() throws Exception {
            ProviderProfile profile = signIn(Map.of("TENANT", TENANT_A, "verified_email_domains", "example.com"));

            assertThat(profile.emails()).containsExactly(new EmailAddress("Ada.Lovelace@contoso.com", false, true));
        }

        @Test
        void verifiedDomainsWithTheAllowListPinningAMultiTenantAppAreHonoured() throws Exception {
            ProviderProfile profile = signIn(Map.of("allowed_tenants", TENANT_A, "verified_email_domains", "contoso.com"));

            assertThat(profile.emails()).containsExactly(new EmailAddress("Ada.Lovelace@contoso.com", true, true));
        }

        @Test
        void verifiedDomainsWithAMultiTenantAppAndNoAllowListAreAConfigurationError() {
            ProviderException e = failure(() -> backend.checkSettings(context(Map.of("TENANT", "organizations",
                    "verified_email_domains", "contoso.com"))));

            assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
            assertThat(e.getMessage()).contains("allowed_tenants");
        }
    }

    @Nested
    class Groups {
        @Test
        void groupsAndRolesClaimsPassThroughToTheProfile() throws Exception {
            microsoft.idToken(b -> b.claim("groups", List.of("0a1b2c3d-0000-4000-8000-000000000001")).claim("roles", List.of("Inventree.Admin")));

            ProviderProfile profile = signIn(Map.of());

            assertThat(profile.claims()).containsEntry("groups", List.of("0a1b2c3d-0000-4000-8000-000000000001"))
                    .containsEntry("roles", List.of("Inventree.Admin")).doesNotContainKey(MicrosoftBackend.GROUPS_OVERAGE_CLAIM);
        }

        @Test
        void aGroupOverageDropsTheGroupsClaimMarksTheProfileAndLogsTheFix() throws Exception {
            microsoft.idToken(b -> b.claim("groups", List.of("partial-group"))
                    .claim("_claim_names", Map.of("groups", "src1"))
                    .claim("_claim_sources", Map.of("src1", Map.of("endpoint",
                            "https://graph.windows.net/" + TENANT_A + "/users/" + FakeMicrosoft.OID + "/getMemberObjects"))));

            ProviderProfile profile = signIn(Map.of());

            assertThat(profile.claims()).doesNotContainKey("groups").containsEntry(MicrosoftBackend.GROUPS_OVERAGE_CLAIM, true);
            assertThat(testLog()).contains("group overage", "Groups assigned to the application", "roles");
        }

        @Test
        void hasgroupsTrueIsAGroupOverageToo() throws Exception {
            microsoft.idToken(b -> b.claim("hasgroups", true).claim("roles", List.of("Inventree.Admin")));

            ProviderProfile profile = signIn(Map.of());

            assertThat(profile.claims()).doesNotContainKey("groups").containsEntry(MicrosoftBackend.GROUPS_OVERAGE_CLAIM, true)
                    .containsEntry("roles", List.of("Inventree.Admin"));
        }
    }
}
