package io.gatehouse.sso.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatehouseConfigTest {

    static GatehouseConfig read(String prefix, Map<String, String> env, Path file, Map<String, ?> host) {
        return GatehouseConfig.read(ConfigValues.of(prefix, env, file, host));
    }

    @Test
    void nothingConfiguredMeansNoBackendsAndSafeDefaults() {
        GatehouseConfig c = read("SSO_", Map.of(), null, Map.of());

        assertThat(c.backends()).isEmpty();
        assertThat(c.socialProviders()).isEmpty();
        assertThat(c.siteUrl()).isEmpty();
        assertThat(c.defaultProtocol()).isEqualTo("http");
        assertThat(c.forwardedHeaders()).isEqualTo(ForwardedHeaders.NONE);
        assertThat(c.transactionKey()).isEmpty();
        assertThat(c.transactionTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.httpTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void backendsFromTheEnvironmentAcceptACommaList() {
        GatehouseConfig c = read("SSO_", Map.of("SSO_SOCIAL_BACKENDS", "github, google ,microsoft"), null, Map.of());

        assertThat(c.backends()).containsExactly("github", "google", "microsoft");
    }

    @Test
    void backendsFromTheEnvironmentAcceptAJsonList() {
        GatehouseConfig c = read("SSO_", Map.of("SSO_SOCIAL_BACKENDS", "[\"github\", \"keycloak\"]"), null, Map.of());

        assertThat(c.backends()).containsExactly("github", "keycloak");
    }

    @Test
    void allauthModulePathsAreAcceptedSoAnInvenTreeConfigWorksUnchanged() {
        GatehouseConfig c = read("INVENTREE_", Map.of("INVENTREE_SOCIAL_BACKENDS",
                "allauth.socialaccount.providers.github,allauth.socialaccount.providers.openid_connect"), null, Map.of());

        assertThat(c.backends()).containsExactly("github", "openid_connect");
    }

    @Test
    void theDocumentedMisspellingSocialaccountsIsAcceptedToo() {
        GatehouseConfig c = read("INVENTREE_", Map.of(), null,
                Map.of("social_backends", List.of("allauth.socialaccounts.providers.microsoft")));

        assertThat(c.backends()).containsExactly("microsoft");
    }

    @Test
    void duplicateBackendsCollapseKeepingTheFirstPosition() {
        GatehouseConfig c = read("SSO_", Map.of(), null,
                Map.of("social_backends", List.of("github", "allauth.socialaccount.providers.github", "google")));

        assertThat(c.backends()).containsExactly("github", "google");
    }

    @Test
    void aBackendThatIsNotAnIdIsAStartUpErrorNamingIt() {
        assertThatThrownBy(() -> read("SSO_", Map.of("SSO_SOCIAL_BACKENDS", "github,not a provider!"), null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a provider!");
    }

    @Test
    void aNonStringBackendInAListIsAStartUpError() {
        assertThatThrownBy(() -> read("SSO_", Map.of(), null, Map.of("social_backends", List.of("github", 3))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config key 'social_backends'");
    }

    @Test
    void socialProvidersFromTheEnvironmentAreJson() {
        GatehouseConfig c = read("SSO_", Map.of("SSO_SOCIAL_PROVIDERS", "{\"microsoft\": {\"TENANT\": \"organizations\"}}"),
                null, Map.of());

        assertThat(c.providerSettings("microsoft")).containsEntry("TENANT", "organizations");
        assertThat(c.providerSettings("github")).isEmpty();
    }

    @Test
    void malformedSocialProvidersJsonFailsWithTheVariableAndPositionNeverAsEmpty() {
        assertThatThrownBy(() -> read("INVENTREE_", Map.of("INVENTREE_SOCIAL_PROVIDERS", "{\"microsoft\": {\"TENANT\": }"),
                null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INVENTREE_SOCIAL_PROVIDERS")
                .hasMessageContaining("line 1, column");
    }

    @Test
    void socialProvidersThatIsNotAnObjectIsAStartUpError() {
        assertThatThrownBy(() -> read("SSO_", Map.of("SSO_SOCIAL_PROVIDERS", "[1,2]"), null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> read("SSO_", Map.of("SSO_SOCIAL_PROVIDERS", "{\"github\": 5}"), null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'github' must be an object");
    }

    @Test
    void aYamlFileIsReadAndTheEnvironmentWinsOverIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, """
                social_backends:
                  - allauth.socialaccount.providers.keycloak
                social_providers:
                  keycloak:
                    KEYCLOAK_URL: https://sso.example.com
                    KEYCLOAK_REALM: inventree
                login_default_protocol: https
                """);

        GatehouseConfig fileOnly = read("SSO_", Map.of(), file, Map.of());
        GatehouseConfig envWins = read("SSO_", Map.of("SSO_SOCIAL_BACKENDS", "github"), file, Map.of());

        assertThat(fileOnly.backends()).containsExactly("keycloak");
        assertThat(fileOnly.providerSettings("keycloak")).containsEntry("KEYCLOAK_REALM", "inventree");
        assertThat(fileOnly.defaultProtocol()).isEqualTo("https");
        assertThat(envWins.backends()).containsExactly("github");
        assertThat(envWins.providerSettings("keycloak")).containsEntry("KEYCLOAK_URL", "https://sso.example.com");
    }

    @Test
    void aJsonFileIsReadByItsExtensionAndTheFileWinsOverTheHostMap(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"social_backends\": [\"google\"]}");

        GatehouseConfig c = read("SSO_", Map.of(), file, Map.of("social_backends", List.of("github"), "site_url", "https://x.example"));

        assertThat(c.backends()).containsExactly("google");
        assertThat(c.siteUrl()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("https://x.example"));
    }

    @Test
    void anInvalidYamlFileFailsWithItsNameAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "social_backends: [github\nsocial_providers: {");

        assertThatThrownBy(() -> read("SSO_", Map.of(), file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config.yaml").hasMessageContaining("line");
    }

    @Test
    void aMissingConfigFileIsAStartUpError(@TempDir Path dir) {
        assertThatThrownBy(() -> read("SSO_", Map.of(), dir.resolve("nope.yaml"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
    }

    @Test
    void theProtocolMustBeHttpOrHttps() {
        assertThat(read("SSO_", Map.of("SSO_LOGIN_DEFAULT_HTTP_PROTOCOL", "HTTPS"), null, Map.of()).defaultProtocol())
                .isEqualTo("https");
        assertThatThrownBy(() -> read("SSO_", Map.of("SSO_LOGIN_DEFAULT_HTTP_PROTOCOL", "ftp"), null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SSO_LOGIN_DEFAULT_HTTP_PROTOCOL");
    }

    @Test
    void theSiteUrlMustBeAnAbsoluteHttpUrlAndLosesItsTrailingSlash() {
        assertThat(read("SSO_", Map.of("SSO_SITE_URL", "https://inventree.example.com/app/"), null, Map.of()).siteUrl())
                .hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("https://inventree.example.com/app"));
        assertThatThrownBy(() -> read("SSO_", Map.of("SSO_SITE_URL", "inventree.example.com"), null, Map.of()))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> read("SSO_", Map.of("SSO_SITE_URL", "javascript:alert(1)"), null, Map.of()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void theTransactionKeyMustBe32Base64BytesAndIsNeverEchoed() {
        String good = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(read("SSO_", Map.of("SSO_TRANSACTION_KEY", good), null, Map.of()).transactionKey()).isPresent();

        assertThatThrownBy(() -> read("SSO_", Map.of("SSO_TRANSACTION_KEY", "short-secret-value"), null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("short-secret-value");
        assertThat(read("SSO_", Map.of("SSO_TRANSACTION_KEY", good), null, Map.of()).toString()).doesNotContain(good);
    }

    @Test
    void booleansAndNumbersAreValidated() {
        assertThat(read("SSO_", Map.of("SSO_TRUST_FORWARDED_HEADERS", "yes"), null, Map.of()).forwardedHeaders())
                .isEqualTo(new ForwardedHeaders(true, true, true, false));
        assertThatThrownBy(() -> read("SSO_", Map.of("SSO_TRUST_FORWARDED_HEADERS", "maybe"), null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> read("SSO_", Map.of("SSO_HTTP_TIMEOUT_MS", "-5"), null, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("positive");
    }

    @Test
    void aPrefixMustBeUpperCaseEndingInUnderscore() {
        assertThatThrownBy(() -> ConfigValues.of("sso", Map.of(), null, Map.of())).isInstanceOf(ConfigException.class);
    }

    @Test
    void invenTreesBooleanSpellingsYAndTAreAccepted() {
        assertThat(read("INVENTREE_", Map.of("INVENTREE_USE_X_FORWARDED_HOST", "y", "INVENTREE_USE_X_FORWARDED_PORT", "T"),
                null, Map.of()).forwardedHeaders()).isEqualTo(new ForwardedHeaders(false, false, true, true));
        assertThat(read("INVENTREE_", Map.of("INVENTREE_USE_X_FORWARDED_HOST", "n"), null, Map.of()).forwardedHeaders())
                .isEqualTo(ForwardedHeaders.NONE);
    }

    @Test
    void useXForwardedHostAndPortTrustOnlyTheirOwnHeader() {
        assertThat(read("SSO_", Map.of(), null, Map.of("use_x_forwarded_host", true)).forwardedHeaders())
                .isEqualTo(new ForwardedHeaders(false, false, true, false));
        assertThat(read("SSO_", Map.of(), null, Map.of("use_x_forwarded_port", true)).forwardedHeaders())
                .isEqualTo(new ForwardedHeaders(false, false, false, true));
    }

    @Test
    void aListWhereOneValueBelongsIsAStartUpErrorNamingTheKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "site_url:\n  - https://a.example\n  - https://b.example\n");

        assertThatThrownBy(() -> read("INVENTREE_", Map.of(), file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config key 'site_url' (file " + file + ")")
                .hasMessageContaining("must be a single value, not a list");
    }

    @Test
    void theDescriptionForLogsNamesTheSettingsAndOnlyWhetherAKeyIsSet() {
        String good = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(read("SSO_", Map.of("SSO_TRANSACTION_KEY", good, "SSO_SITE_URL", "https://sso.example.com"), null, Map.of())
                .toString()).contains("siteUrl=Optional[https://sso.example.com]").contains("transactionKey=(set)");
        assertThat(read("SSO_", Map.of(), null, Map.of()).toString()).contains("transactionKey=(per-process)");
    }

    @Test
    void aSiteUrlWithoutSchemeOrWithUserQueryOrFragmentIsAStartUpError() {
        for (String bad : new String[] {"//sso.example.com", "https://user@sso.example.com", "https://sso.example.com/?a=b",
                "https://sso.example.com/#top"}) {
            assertThatThrownBy(() -> read("SSO_", Map.of("SSO_SITE_URL", bad), null, Map.of())).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("absolute http(s) URL");
        }
    }

    @Test
    void blankSocialProvidersMeanNone() {
        assertThat(read("SSO_", Map.of("SSO_SOCIAL_PROVIDERS", "  "), null, Map.of()).socialProviders()).isEmpty();
    }
}
