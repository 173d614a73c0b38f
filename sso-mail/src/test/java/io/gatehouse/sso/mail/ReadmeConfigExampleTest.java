package io.gatehouse.sso.mail;

import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's complete configuration example is read by the real readers, so the documentation cannot rot. */
class ReadmeConfigExampleTest {

    @Test
    void theReadmesCompleteConfigFileIsValid(@TempDir Path dir) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```yaml\n# config.yaml\n");
        assertThat(start).as("the README's complete config example").isNotNegative();
        String yaml = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);

        ConfigValues values = ConfigValues.of("INVENTREE_", Map.of(), file, Map.of());
        GatehouseConfig config = GatehouseConfig.read(values);
        SmtpSettings smtp = SmtpSettings.read(values);

        assertThat(config.backends()).containsExactly("keycloak", "github");
        assertThat(config.providerSettings("keycloak")).containsEntry("KEYCLOAK_REALM", "inventree");
        assertThat(config.siteUrl()).isPresent();
        assertThat(config.transactionKey()).isPresent();
        assertThat(smtp.configured()).isTrue();
    }
}
