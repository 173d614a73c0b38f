package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.testidp.ReservedAuthParams;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one reading of {@code AUTH_PARAMS} every provider shares. */
class AuthParamsTest {
    static ProviderContext withAuthParams(Object value) {
        Map<String, Object> settings = Map.of("AUTH_PARAMS", value);
        SocialApp app = SocialApp.builder("github").id("1").name("Corp").clientId("cid").secret("secret").settings(settings).build();
        return new ProviderContext(app, ProviderSettings.of(settings), URI.create("http://localhost:8000/accounts/github/login/callback/"),
                IdpClients.create(Duration.ofSeconds(5), Clock.systemUTC()));
    }

    @Test
    void theReservedParametersAreExactlyTheOnesGatehouseSetsItself() {
        assertThat(AuthParams.RESERVED).isEqualTo(ReservedAuthParams.names().collect(Collectors.toSet()));
    }

    @Test
    void otherParametersAreKeptInTheirOrder() throws ProviderException {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("prompt", "consent");
        params.put("access_type", "offline");

        assertThat(AuthParams.of(withAuthParams(params))).containsExactly(Map.entry("prompt", "consent"), Map.entry("access_type", "offline"));
    }

    @Test
    void aValueThatIsNoObjectIsAConfigurationErrorNamingTheSetting() {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> AuthParams.of(withAuthParams("prompt=login")));

        assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("Social application 'Corp'", "AUTH_PARAMS", "must be an object");
    }

    @Test
    void severalReservedParametersAreNamedTogether() {
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> AuthParams.of(withAuthParams(Map.of("state", "x", "nonce", "y", "prompt", "login"))));

        assertThat(e.getMessage()).contains("AUTH_PARAMS may not set [nonce, state]");
    }
}
