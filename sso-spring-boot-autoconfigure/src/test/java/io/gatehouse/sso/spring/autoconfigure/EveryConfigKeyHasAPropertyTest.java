package io.gatehouse.sso.spring.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.core.config.ConfigKey;
import io.gatehouse.sso.core.config.ConfigValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every start-up key Gatehouse reads ({@link ConfigKey} constants of every module on the class path, found by
 * scanning, so a key added next month is found too) has a {@code gatehouse.*} property that reaches it, and the
 * configuration metadata (IDE completion) lists that property; keys written in a section (InvenTree's
 * {@code email: {host: }}) have their section property too.
 */
class EveryConfigKeyHasAPropertyTest {

    @Test
    void theScanFindsTheKeysOfCoreMailErrorLogAndTheStarter() throws Exception {
        assertThat(configKeys()).extracting(ConfigKey::fileKey)
                .contains("social_backends", "use_x_forwarded_port", "email_host", "email_prefix", "error_log_max_age_days", "secret_keys");
    }

    @Test
    void everyConfigKeyIsSetByItsGatehouseProperty() throws Exception {
        for (ConfigKey key : configKeys()) {
            assertThat(valuesWith(property(key.fileKey())).get(key)).as("gatehouse.%s reaches %s", property(key.fileKey()), key)
                    .isPresent();
        }
    }

    @Test
    void everyConfigKeyWrittenInASectionIsSetByItsSectionProperty() throws Exception {
        for (ConfigKey key : configKeys()) {
            if (!key.nestedPath().isEmpty()) {
                assertThat(valuesWith(property(key.nestedPath())).get(key)).as("gatehouse.%s reaches %s", property(key.nestedPath()), key)
                        .isPresent();
            }
        }
    }

    @Test
    void theConfigurationMetadataListsThePropertyOfEveryConfigKey() throws Exception {
        Set<String> listed = metadataProperties();
        for (ConfigKey key : configKeys()) {
            assertThat(listed).contains("gatehouse." + property(key.fileKey()));
            if (!key.nestedPath().isEmpty()) {
                assertThat(listed).contains("gatehouse." + property(key.nestedPath()));
            }
        }
    }

    private static String property(String key) {
        return key.replace('_', '-');
    }

    private static ConfigValues valuesWith(String property) {
        GatehouseProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("gatehouse." + property, "1")))
                .bindOrCreate("gatehouse", GatehouseProperties.class);
        StandardEnvironment environment = new StandardEnvironment();
        GatehouseContexts.environmentVariables(environment, Map.of());
        return EnvironmentConfigValues.of(properties, environment);
    }

    private static Set<String> metadataProperties() throws Exception {
        Set<String> names = new HashSet<>();
        for (String file : List.of("META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json")) {
            try (InputStream in = GatehouseProperties.class.getClassLoader().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    names.add(property.path("name").asText());
                }
            }
        }
        return names;
    }

    /** The public {@link ConfigKey} constants of every Gatehouse class on the class path. */
    private static List<ConfigKey> configKeys() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<ConfigKey> keys = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("io.gatehouse.sso")) {
            Class<?> type = Class.forName(candidate.getBeanClassName(), false, EveryConfigKeyHasAPropertyTest.class.getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (field.getType() == ConfigKey.class && Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)) {
                    keys.add((ConfigKey) field.get(null));
                }
            }
        }
        return keys;
    }
}
