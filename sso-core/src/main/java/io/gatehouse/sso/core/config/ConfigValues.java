package io.gatehouse.sso.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The merged start-up values: environment (with prefix) over config file over the host's map.
 * Environment values are strings; file and map values keep their JSON shape (lists, objects).
 * Modules read their own keys here (the mail module reads its SMTP keys, for example).
 *
 * <pre>{@code
 * ConfigValues values = ConfigValues.of("SSO_", System.getenv(), Path.of("gatehouse.yaml"), Map.of());
 * Optional<Object> backends = values.get(ConfigKey.SOCIAL_BACKENDS);
 * }</pre>
 */
public final class ConfigValues {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final Map<String, String> environment;
    private final Map<String, Object> fileAndHost;
    private final String fileName;

    private ConfigValues(String prefix, Map<String, String> environment, Map<String, Object> fileAndHost, String fileName) {
        this.prefix = prefix;
        this.environment = Map.copyOf(environment);
        this.fileAndHost = fileAndHost;
        this.fileName = fileName;
    }

    /**
     * @param prefix      environment prefix, e.g. {@code SSO_} or {@code INVENTREE_}
     * @param environment usually {@code System.getenv()}
     * @param file        a YAML or JSON file (by extension; {@code .json} is JSON, anything else YAML), or null
     * @param host        values given by the host application; the lowest precedence
     */
    public static ConfigValues of(String prefix, Map<String, String> environment, Path file, Map<String, ?> host) {
        if (prefix == null || !prefix.matches("[A-Z][A-Z0-9_]*_|")) {
            throw new ConfigException("prefix", "The environment prefix must be upper case and end with '_' (got '"
                    + prefix + "'), e.g. SSO_ or INVENTREE_");
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        if (host != null) {
            host.forEach((k, v) -> merged.put(k.toLowerCase(Locale.ROOT), v));
        }
        if (file != null) {
            readFile(file).forEach((k, v) -> merged.put(k.toLowerCase(Locale.ROOT), v));
        }
        return new ConfigValues(prefix, environment == null ? Map.of() : environment, merged,
                file == null ? null : file.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readFile(Path file) {
        ObjectMapper mapper = file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(file.toString(), "Config file " + file + " does not exist or is not a file");
            }
            Object parsed = mapper.readValue(file.toFile(), Object.class);
            if (parsed == null) {
                return Map.of();
            }
            if (!(parsed instanceof Map)) {
                throw new ConfigException(file.toString(), "Config file " + file + " must hold a mapping of keys to values");
            }
            return (Map<String, Object>) parsed;
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.toString(), "Config file " + file + " is not valid "
                    + (mapper == JSON ? "JSON" : "YAML") + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + problem(e));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "Config file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public String prefix() {
        return prefix;
    }

    /** The raw value: the environment variable's string, else the file's or host's value. */
    public Optional<Object> get(ConfigKey key) {
        String env = environment.get(key.envName(prefix));
        if (env != null) {
            return Optional.of(env);
        }
        return Optional.ofNullable(fileAndHost.get(key.fileKey()));
    }

    /** Where a key's value came from, for error messages. */
    public String sourceOf(ConfigKey key) {
        if (environment.containsKey(key.envName(prefix))) {
            return "environment variable " + key.envName(prefix);
        }
        return fileName == null ? "config key '" + key.fileKey() + "'"
                : "config key '" + key.fileKey() + "' (file " + fileName + ")";
    }

    public Optional<String> string(ConfigKey key) {
        return get(key).map(Object::toString).map(String::trim).filter(s -> !s.isEmpty());
    }

    public boolean bool(ConfigKey key, boolean fallback) {
        Optional<String> raw = string(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ConfigException(key.fileKey(), sourceOf(key) + " must be true or false, not '" + raw.get() + "'");
        };
    }

    public long positiveLong(ConfigKey key, long fallback) {
        Optional<String> raw = string(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the key's name
        }
        throw new ConfigException(key.fileKey(), sourceOf(key) + " must be a positive whole number, not '" + raw.get() + "'");
    }

    /** Parses a JSON text for a key whose environment value is JSON; errors name the source and position. */
    Object parseJson(ConfigKey key, String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(key.fileKey(), sourceOf(key) + " is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + " (character "
                    + e.getLocation().getCharOffset() + "): " + problem(e));
        }
    }

    /**
     * The parser's complaint without the configuration text it quotes (YAML errors print the offending
     * line, JSON errors the unrecognized token), which may be a client secret or a password. The parser's
     * exception is not kept as the cause for the same reason.
     */
    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            return yaml.getProblem();
        }
        return String.valueOf(e.getOriginalMessage()).replaceAll("Unrecognized token '[^']*'", "Unrecognized token");
    }
}
