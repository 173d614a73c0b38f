package io.gatehouse.sso.spring.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/spring-boot.md keeps up with the generated configuration metadata and the example's start command. */
class DocumentationTest {
    private static final Path GUIDE = Path.of("..", "docs", "spring-boot.md");

    @Test
    void theGuidesPropertiesTableListsEveryGeneratedProperty() throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            for (JsonNode property : new ObjectMapper().readTree(in).get("properties")) {
                names.add(property.get("name").asText());
            }
        }
        String guide = Files.readString(GUIDE);

        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(guide).contains("| `" + name + "` |"));
    }

    @Test
    void theGuideGivesTheExamplesStartCommand() throws Exception {
        assertThat(Files.readString(GUIDE)).contains("mvn -B -q -pl examples/spring-boot-app -am spring-boot:run");
    }
}
