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

/** The configuration guide's complete file example is read by the real readers, so the documentation cannot rot. */
class ConfigurationGuideExampleTest {

    @Test
    void theConfigurationGuidesCompleteConfigFileIsValid(@TempDir Path dir) throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "configuration.md"));
        int start = guide.indexOf("```yaml\n# gatehouse.yaml\n");
        assertThat(start).as("the configuration guide's complete config example").isNotNegative();
        String yaml = guide.substring(start + "```yaml\n".length(), guide.indexOf("```", start + 7));
        Path file = dir.resolve("gatehouse.yaml");
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
