package io.gatehouse.sso.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A misconfigured application fails at start-up with Spring Boot's failure report naming the property,
 * never at the first login and never with only a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    private static void start(String... properties) {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] args = new String[properties.length + 1];
        args[0] = "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID();
        System.arraycopy(properties, 0, args, 1, properties.length);
        app.run(args).close();
    }

    @Test
    void aMissingKeyRingNamesTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start("--gatehouse.social-backends=openid_connect")).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Gatehouse cannot start: No key encrypts Gatehouse's client secrets and tokens in the database: "
                        + "set gatehouse.secret-keys (or the environment variable SSO_SECRET_KEYS) to id:base64Key")
                .contains("openssl rand -base64 32");
    }

    @Test
    void aMalformedKeyNamesThePropertyButNeverShowsTheKey(CapturedOutput output) {
        assertThatThrownBy(() -> start("--gatehouse.secret-keys=k1:c2VjcmV0LWJ1dC10b28tc2hvcnQ=")).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("Gatehouse cannot start: gatehouse.secret-keys: secret key 'k1' must be 32 bytes")
                .doesNotContain("c2VjcmV0LWJ1dC10b28tc2hvcnQ=");
    }

    @Test
    void malformedSocialProvidersJsonNamesThePropertyAndThePosition(CapturedOutput output) {
        assertThatThrownBy(() -> start("--gatehouse.secret-keys=" + GatehouseContexts.KEY,
                "--gatehouse.social-providers={\"openid_connect\": {\"SCOPE\": }")).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("Gatehouse cannot start: gatehouse.social-providers is not valid JSON at line 1")
                .contains("Fix gatehouse.social-providers (or the environment variable SSO_SOCIAL_PROVIDERS, which wins over it).");
    }

    @Test
    void aBackendWhoseModuleIsAbsentNamesThePropertyAndTheArtifact(CapturedOutput output) {
        assertThatThrownBy(() -> start("--gatehouse.secret-keys=" + GatehouseContexts.KEY, "--gatehouse.social-backends=github"))
                .isInstanceOf(RuntimeException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("Gatehouse cannot start: social_backends enables 'github' but no provider module for it is on the class path. "
                        + "Add the Maven dependency io.gatehouse:sso-provider-github to the application.")
                .contains("Fix gatehouse.social-backends");
    }
}
