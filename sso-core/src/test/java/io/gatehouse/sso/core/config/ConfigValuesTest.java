package io.gatehouse.sso.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The merged start-up values read key by key: layers, sections, types, and error messages that never quote a secret. */
class ConfigValuesTest {
    static final ConfigKey EMAIL_HOST = new ConfigKey("email_host", "EMAIL_HOST", "email.host");

    static ConfigValues host(Map<String, ?> values) {
        return ConfigValues.of("SSO_", Map.of(), null, values);
    }

    @Test
    void theEnvironmentPrefixIsKept() {
        assertThat(ConfigValues.of("INVENTREE_", Map.of(), null, Map.of()).prefix()).isEqualTo("INVENTREE_");
    }

    @Test
    void aFlatKeyOfTheHostMapIsFoundWithItsSource() {
        ConfigValues values = host(Map.of("site_url", "https://sso.example.com"));

        assertThat(values.get(ConfigKey.SITE_URL)).contains("https://sso.example.com");
        assertThat(values.sourceOf(ConfigKey.SITE_URL)).isEqualTo("config key 'site_url'");
    }

    @Test
    void aKeyInsideItsSectionIsFoundAndNamedByItsPath() {
        ConfigValues values = host(Map.of("email", Map.of("HOST", "smtp.example.com")));

        assertThat(values.get(EMAIL_HOST)).contains("smtp.example.com");
        assertThat(values.sourceOf(EMAIL_HOST)).isEqualTo("config key 'email.host'");
    }

    @Test
    void aSectionWithoutTheKeyLeavesItUnset() {
        assertThat(host(Map.of("email", Map.of("port", 25))).get(EMAIL_HOST)).isEmpty();
    }

    @Test
    void aSectionThatIsNoMappingIsAStartUpErrorNamingTheSection() {
        assertThatThrownBy(() -> host(Map.of("email", "smtp.example.com")).get(EMAIL_HOST))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("email"))
                .hasMessageContaining("a single value");
    }

    @Test
    void theSameValueFlatAndInItsSectionIsAmbiguousAndRefused() {
        assertThatThrownBy(() -> host(Map.of("email_host", "a.example", "email", Map.of("host", "b.example"))).get(EMAIL_HOST))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("email_host"));
    }

    @Test
    void anUnsetKeyIsNamedWhereItWouldBeRead(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("gatehouse.yaml"), "site_url: https://sso.example.com\n");

        assertThat(ConfigValues.of("SSO_", Map.of(), file, Map.of()).sourceOf(ConfigKey.HTTP_TIMEOUT_MS))
                .isEqualTo("config key 'http_timeout_ms' (file " + file + ")");
    }

    @Test
    void aBlankValueCountsAsUnset() {
        assertThat(host(Map.of("site_url", "   ")).string(ConfigKey.SITE_URL)).isEmpty();
        assertThat(host(Map.of("trust_forwarded_headers", " ")).bool(ConfigKey.TRUST_FORWARDED_HEADERS, true)).isTrue();
    }

    @Test
    void aFalseBooleanIsFalseWhateverTheFallback() {
        assertThat(host(Map.of("trust_forwarded_headers", "no")).bool(ConfigKey.TRUST_FORWARDED_HEADERS, true)).isFalse();
        assertThat(host(Map.of("trust_forwarded_headers", "On")).bool(ConfigKey.TRUST_FORWARDED_HEADERS, false)).isTrue();
    }

    @Test
    void aPositiveNumberIsReadAndZeroIsRefused() {
        assertThat(host(Map.of("http_timeout_ms", "1")).positiveLong(ConfigKey.HTTP_TIMEOUT_MS, 5000)).isEqualTo(1);
        assertThat(host(Map.of()).positiveLong(ConfigKey.HTTP_TIMEOUT_MS, 5000)).isEqualTo(5000);
        assertThatThrownBy(() -> host(Map.of("http_timeout_ms", "0")).positiveLong(ConfigKey.HTTP_TIMEOUT_MS, 5000))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("http_timeout_ms"))
                .hasMessageContaining("positive");
    }

    @Test
    void malformedJsonIsReportedWithoutTheTokenItQuotes() {
        ConfigValues values = ConfigValues.of("SSO_", Map.of("SSO_SOCIAL_PROVIDERS", "{\"github\": s3cretValue}"), null, Map.of());

        assertThatThrownBy(() -> values.parseJson(ConfigKey.SOCIAL_PROVIDERS, "{\"github\": s3cretValue}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment variable SSO_SOCIAL_PROVIDERS")
                .hasMessageContaining("Unrecognized token")
                .hasMessageNotContaining("s3cretValue");
    }

    @Test
    void malformedYamlIsReportedWithTheParsersProblemButNotTheLineItQuotes(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("gatehouse.yaml"), "social_providers:\n  github: {secret: \"s3cretValue\n");

        assertThatThrownBy(() -> ConfigValues.of("SSO_", Map.of(), file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not valid YAML at line")
                .hasMessageMatching("(?s).*: \\S.*")
                .hasMessageNotContaining("s3cretValue");
    }

    @Test
    void aKeyWithoutNestedPathIsWrittenOnlyFlatAndANestedPathIsSectionDotKeyInLowerCase() {
        assertThat(new ConfigKey("site_url", "SITE_URL", null).nestedPath()).isEmpty();
        assertThat(EMAIL_HOST.nestedPath()).isEqualTo("email.host");
        assertThatThrownBy(() -> new ConfigKey("email_host", "EMAIL_HOST", "Email.Host")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfigKey("email_host", "EMAIL_HOST", "email")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noEnvironmentAndNoHostMapMeanNothingIsSet() {
        ConfigValues values = ConfigValues.of("SSO_", null, null, null);

        assertThat(values.get(ConfigKey.SITE_URL)).isEmpty();
        assertThat(values.sourceOf(ConfigKey.SITE_URL)).isEqualTo("config key 'site_url'");
    }

    @Test
    void aMappingWhereASingleValueBelongsIsRefusedAsAMapping() {
        assertThatThrownBy(() -> host(Map.of("site_url", Map.of("a", "b"))).string(ConfigKey.SITE_URL))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a mapping");
    }

    @Test
    void aConfigFileHoldingOnlyAYamlNullSetsNothing(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("gatehouse.yaml"), "~\n");

        assertThat(ConfigValues.of("SSO_", Map.of(), file, Map.of()).get(ConfigKey.SITE_URL)).isEmpty();
    }

    @Test
    void aConfigFileThatIsNoMappingIsAStartUpError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("gatehouse.yaml"), "- site_url\n- https://sso.example.com\n");

        assertThatThrownBy(() -> ConfigValues.of("SSO_", Map.of(), file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must hold a mapping");
    }

    @Test
    void aJsonFileIsParsedAsJsonAndItsErrorsSaySo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("gatehouse.json"), "{\"site_url\": \"https://sso.example.com\",}");

        assertThatThrownBy(() -> ConfigValues.of("SSO_", Map.of(), file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not valid JSON at line 1");
    }
}
