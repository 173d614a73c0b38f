package io.gatehouse.sso.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.spi.SettingsStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The login settings the demo starts with, so it can be pre-configured from a script:
 *
 * <ol>
 *   <li>{@link #DEFAULTS}, written only where the database has no value yet (a kept file database keeps
 *       what an admin saved);</li>
 *   <li>then a settings file ({@code DEMO_SETTINGS_FILE}: a JSON or YAML object of setting name to value);</li>
 *   <li>then {@code DEMO_SETTING_<NAME>} environment variables, e.g. {@code DEMO_SETTING_LOGIN_ENABLE_SSO_REG=false}.</li>
 * </ol>
 *
 * File and environment values are written at every start. Each value is checked with
 * {@link LoginSettings#validate} first; an unknown name or a bad value stops start-up with a message naming
 * its source, before anything is written.
 *
 * <pre>{@code
 * Map<String, String> written = SettingsSeed.from(options).applyTo(stores.settings());
 * }</pre>
 */
public final class SettingsSeed {
    /** What the demo needs to show SSO at once: sign-in, registration, and group sync with a map for the Demo IdP. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Values with where each came from, in order of application. */
    private final Map<String, Sourced> explicit;

    private record Sourced(String value, String source) {
    }

    private SettingsSeed(Map<String, Sourced> explicit) {
        this.explicit = explicit;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(SettingKey.LOGIN_ENABLE_SSO.name(), "true");
        d.put(SettingKey.LOGIN_ENABLE_SSO_REG.name(), "true");
        d.put(SettingKey.LOGIN_ENABLE_SSO_GROUP_SYNC.name(), "true");
        d.put(SettingKey.SSO_GROUP_KEY.name(), "groups");
        d.put(SettingKey.SSO_GROUP_MAP.name(), "{\"/demo/admins\": \"admin\", \"/demo/staff\": \"staff\"}");
        d.put(SettingKey.SSO_REMOVE_GROUPS.name(), "true");
        return Map.copyOf(d);
    }

    /**
     * Reads and checks the settings file and the {@code DEMO_SETTING_*} variables.
     *
     * @throws IllegalArgumentException naming the file or variable with an unknown name or a bad value
     */
    public static SettingsSeed from(DemoOptions options) {
        Map<String, Sourced> explicit = new LinkedHashMap<>();
        options.settingsFile().ifPresent(file -> readFile(file).forEach((key, value) ->
                explicit.put(key, new Sourced(value, "setting " + key + " in " + file))));
        new TreeMap<>(options.environment()).forEach((name, value) -> {
            if (name.startsWith(DemoOptions.SETTING_PREFIX)) {
                String key = name.substring(DemoOptions.SETTING_PREFIX.length()).toUpperCase(Locale.ROOT);
                explicit.put(key, new Sourced(value, "environment variable " + name));
            }
        });
        explicit.forEach((key, sourced) -> check(key, sourced.value(), sourced.source()));
        return new SettingsSeed(explicit);
    }

    private static void check(String key, String value, String source) {
        try {
            LoginSettings.validate(key, value);
        } catch (InvalidSettingException e) {
            throw new IllegalArgumentException(source + " is invalid: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage() + "; known settings: "
                    + String.join(", ", java.util.Arrays.stream(SettingKey.values()).map(Enum::name).toList()), e);
        }
    }

    private static Map<String, String> readFile(Path file) {
        ObjectMapper mapper = file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("DEMO_SETTINGS_FILE " + file + " is not valid " + (mapper == JSON ? "JSON" : "YAML")
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("DEMO_SETTINGS_FILE " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("DEMO_SETTINGS_FILE " + file
                    + " must hold an object of setting names to values, e.g. {\"LOGIN_ENABLE_SSO\": true}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode node = field.getValue();
            // a group map may be written as an object rather than as a JSON string
            values.put(field.getKey().toUpperCase(Locale.ROOT), node.isContainerNode() ? node.toString() : node.asText());
        }
        return values;
    }

    /**
     * Writes the defaults where nothing is stored yet, then the explicit values.
     *
     * @return what was written, by setting name
     */
    public Map<String, String> applyTo(SettingsStore settings) {
        Map<String, String> written = new TreeMap<>();
        for (SettingKey key : SettingKey.values()) {
            String name = key.name();
            Optional<String> fallback = Optional.ofNullable(DEFAULTS.get(name));
            if (fallback.isPresent() && !explicit.containsKey(name) && settings.get(name).isEmpty()) {
                settings.put(name, fallback.get());
                written.put(name, fallback.get());
            }
        }
        explicit.forEach((name, sourced) -> {
            settings.put(name, sourced.value());
            written.put(name, sourced.value());
        });
        return written;
    }
}
