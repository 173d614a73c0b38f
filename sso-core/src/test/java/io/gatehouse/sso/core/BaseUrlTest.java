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

    @Test
    void useXForwardedHostTakesTheHostFromXForwardedHostButNotTheScheme() {
        GatehouseConfig config = config(Map.of("use_x_forwarded_host", "true"));

        assertThat(BaseUrl.resolve(config, "internal:8000", "", FORWARDED::get)).hasToString("http://public.example.com");
        assertThat(BaseUrl.resolve(config, "internal:8000", "", h -> null)).hasToString("http://internal:8000");
    }

    @Test
    void useXForwardedHostIgnoresTheStandardForwardedHeader() {
        Map<String, String> h = Map.of("Forwarded", "host=other.example", "X-Forwarded-Host", "public.example.com");

        assertThat(BaseUrl.resolve(config(Map.of("use_x_forwarded_host", "true")), "internal", "", h::get))
                .hasToString("http://public.example.com");
    }

    @Test
    void useXForwardedPortReplacesThePortOfTheHost() {
        GatehouseConfig config = config(Map.of("use_x_forwarded_port", "true"));

        assertThat(BaseUrl.resolve(config, "inventree.example.com:8000", "", Map.of("X-Forwarded-Port", "8443")::get))
                .hasToString("http://inventree.example.com:8443");
        assertThat(BaseUrl.resolve(config, "inventree.example.com", "", Map.of("X-Forwarded-Port", "8443")::get))
                .hasToString("http://inventree.example.com:8443");
        assertThat(BaseUrl.resolve(config, "[::1]:8000", "", Map.of("X-Forwarded-Port", "9000")::get))
                .hasToString("http://[::1]:9000");
    }

    @Test
    void aForwardedDefaultPortOfTheSchemeIsLeftOut() {
        GatehouseConfig config = config(Map.of("use_x_forwarded_port", "true", "login_default_protocol", "https"));

        assertThat(BaseUrl.resolve(config, "inventree.example.com:8000", "", Map.of("X-Forwarded-Port", "443")::get))
                .hasToString("https://inventree.example.com");
    }

    @Test
    void xForwardedPortIsIgnoredUnlessUseXForwardedPortIsOn() {
        Map<String, String> h = Map.of("X-Forwarded-Port", "8443", "X-Forwarded-Host", "public.example.com");

        assertThat(BaseUrl.resolve(config(Map.of("trust_forwarded_headers", "true")), "internal:8000", "", h::get))
                .hasToString("http://public.example.com");
    }

    @Test
    void anXForwardedPortThatIsNoPortNumberIsRefused() {
        GatehouseConfig config = config(Map.of("use_x_forwarded_port", "true"));

        assertThatThrownBy(() -> BaseUrl.resolve(config, "ok", "", Map.of("X-Forwarded-Port", "80/evil")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Forwarded-Port");
        assertThatThrownBy(() -> BaseUrl.resolve(config, "ok", "", Map.of("X-Forwarded-Port", "70000")::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUntrustedOrUnknownXForwardedProtoLeavesTheDefaultProtocol() {
        GatehouseConfig trusting = config(Map.of("trust_forwarded_headers", "true", "login_default_protocol", "https"));

        assertThat(BaseUrl.resolve(trusting, "internal", "", Map.of("X-Forwarded-Proto", "gopher")::get)).hasToString("https://internal");
        assertThat(BaseUrl.resolve(trusting, "internal", "", Map.of("X-Forwarded-Proto", "HTTP, https")::get))
                .hasToString("http://internal");
        assertThat(BaseUrl.resolve(config(Map.of("use_x_forwarded_host", "true", "use_x_forwarded_port", "true")), "internal", "",
                Map.of("X-Forwarded-Proto", "https")::get)).hasToString("http://internal");
    }

    @Test
    void anEmptyFirstHopOfXForwardedHostFallsBackToTheHostHeader() {
        GatehouseConfig config = config(Map.of("use_x_forwarded_host", "true"));

        assertThat(BaseUrl.resolve(config, "internal", "", Map.of("X-Forwarded-Host", ", public.example.com")::get))
                .hasToString("http://internal");
    }

    @Test
    void anEmptyQuotedHostInTheForwardedHeaderFallsBackToTheHostHeader() {
        GatehouseConfig config = config(Map.of("trust_forwarded_headers", "true"));

        assertThat(BaseUrl.resolve(config, "internal", "", Map.of("Forwarded", "host=\"\";proto=https")::get))
                .hasToString("https://internal");
    }

    @Test
    void theFirstAndLastPortNumbersAreAcceptedAndTheirNeighboursRefused() {
        GatehouseConfig config = config(Map.of("use_x_forwarded_port", "true"));

        assertThat(BaseUrl.resolve(config, "h.example", "", Map.of("X-Forwarded-Port", "1")::get)).hasToString("http://h.example:1");
        assertThat(BaseUrl.resolve(config, "h.example", "", Map.of("X-Forwarded-Port", "65535")::get))
                .hasToString("http://h.example:65535");
        assertThatThrownBy(() -> BaseUrl.resolve(config, "h.example", "", Map.of("X-Forwarded-Port", "0")::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BaseUrl.resolve(config, "h.example", "", Map.of("X-Forwarded-Port", "65536")::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlankXForwardedPortKeepsThePortOfTheHost() {
        GatehouseConfig config = config(Map.of("use_x_forwarded_port", "true"));

        assertThat(BaseUrl.resolve(config, "h.example:8000", "", Map.of("X-Forwarded-Port", " ")::get))
                .hasToString("http://h.example:8000");
    }

    @Test
    void theContextPathLosesItsTrailingSlashAndAnUnsafeOneIsRefused() {
        assertThat(BaseUrl.resolve(config(Map.of()), "h.example", "/app/", h -> null)).hasToString("http://h.example/app");
        assertThat(BaseUrl.resolve(config(Map.of()), "h.example", null, h -> null)).hasToString("http://h.example");
        assertThatThrownBy(() -> BaseUrl.resolve(config(Map.of()), "h.example", "app", h -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BaseUrl.resolve(config(Map.of()), "h.example", "//evil.example", h -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLogoutUrisToRegisterAtTheIdpHangUnderTheBase() {
        URI base = URI.create("https://sso.example.com/app");

        assertThat(BaseUrl.postLogoutUri(base)).hasToString("https://sso.example.com/app/accounts/logout/callback/");
        assertThat(BaseUrl.backChannelLogoutUri(base, "keycloak"))
                .hasToString("https://sso.example.com/app/accounts/keycloak/backchannel-logout/");
    }

    @Test
    void theSiteOfABaseWithoutPortIsItsHost() {
        assertThat(BaseUrl.siteOf(URI.create("https://sso.example.com/app"))).isEqualTo("sso.example.com");
    }

    @Test
    void onlyTheDefaultPortOfTheSchemeInUseIsLeftOut() {
        GatehouseConfig http = config(Map.of("use_x_forwarded_port", "true"));
        GatehouseConfig https = config(Map.of("use_x_forwarded_port", "true", "login_default_protocol", "https"));

        assertThat(BaseUrl.resolve(http, "h.example:8000", "", Map.of("X-Forwarded-Port", "80")::get)).hasToString("http://h.example");
        assertThat(BaseUrl.resolve(http, "h.example:8000", "", Map.of("X-Forwarded-Port", "443")::get))
                .hasToString("http://h.example:443");
        assertThat(BaseUrl.resolve(https, "h.example:8000", "", Map.of("X-Forwarded-Port", "80")::get))
                .hasToString("https://h.example:80");
    }
}
