package io.gatehouse.sso.core;

import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseUrlTest {

    static GatehouseConfig config(Map<String, ?> values) {
        return GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, values));
    }

    static final Map<String, String> FORWARDED = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "public.example.com");

    @Test
    void theConfiguredSiteUrlWins() {
        URI base = BaseUrl.resolve(config(Map.of("site_url", "https://inventree.example.com")), "internal:8000", "/app", FORWARDED::get);

        assertThat(base).hasToString("https://inventree.example.com");
        assertThat(BaseUrl.callbackUri(base, "github")).hasToString("https://inventree.example.com/accounts/github/login/callback/");
    }

    @Test
    void withoutSiteUrlTheHostHeaderAndDefaultProtocolAreUsed() {
        URI base = BaseUrl.resolve(config(Map.of("login_default_protocol", "https")), "Sso.Example.com:8443", "/app", h -> null);

        assertThat(base).hasToString("https://sso.example.com:8443/app");
        assertThat(BaseUrl.siteOf(base)).isEqualTo("sso.example.com:8443");
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessTrusted() {
        assertThat(BaseUrl.resolve(config(Map.of()), "internal:8000", "", FORWARDED::get)).hasToString("http://internal:8000");
        assertThat(BaseUrl.resolve(config(Map.of("trust_forwarded_headers", "true")), "internal:8000", "", FORWARDED::get))
                .hasToString("https://public.example.com");
    }

    @Test
    void theStandardForwardedHeaderIsUnderstoodWhenTrusted() {
        Map<String, String> h = Map.of("Forwarded", "for=1.2.3.4;proto=https;host=\"pub.example\", for=5.6.7.8");

        assertThat(BaseUrl.resolve(config(Map.of("trust_forwarded_headers", "true")), "internal", "", h::get))
                .hasToString("https://pub.example");
    }

    @Test
    void anInjectedHostIsRefused() {
        assertThatThrownBy(() -> BaseUrl.resolve(config(Map.of()), "evil.example/path?x=", "", h -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BaseUrl.resolve(config(Map.of()), null, "", h -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BaseUrl.resolve(config(Map.of("trust_forwarded_headers", "true")), "ok",
                "", Map.of("X-Forwarded-Host", "a b")::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
