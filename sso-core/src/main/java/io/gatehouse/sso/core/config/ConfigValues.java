package io.gatehouse.sso.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The merged start-up values: environment (with prefix) over config file over the host's map.
 * Environment values are strings; file and map values keep their JSON shape (lists, objects).
 * Modules read their own keys here (the mail module reads its SMTP keys, for example). A key with a
 * {@linkplain ConfigKey#nestedPath() nested path} is also found inside its section, the way InvenTree's
 * {@code config.yaml} writes it ({@code email: {host: ...}} for {@code email_host}).
 *
 * <pre>{@code
 * ConfigValues values = ConfigValues.of("SSO_", System.getenv(), Path.of("gatehouse.yaml"), Map.of());
 * Optional<Object> backends = values.get(ConfigKey.SOCIAL_BACKENDS);
 * }</pre>
 */
public final class ConfigValues {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A value and where it came from, for error messages. */
    private record Found(Object value, String source) {
    }

    private final String prefix;
    private final Map<String, String> environment;
    private final Map<String, Object> file;
    private final Map<String, Object> host;
    private final String fileName;

    private ConfigValues(String prefix, Map<String, String> environment, Map<String, Object> file,
                         Map<String, Object> host, String fileName) {
        this.prefix = prefix;
        this.environment = Map.copyOf(environment);
        this.file = file;
        this.host = host;
        this.fileName = fileName;
    }

    /**
     * @param prefix      environment prefix, e.g. {@code SSO_} or {@code INVENTREE_}
     * @param environment usually {@code System.getenv()}
     * @param file        a YAML or JSON file (by extension; {@code .json} is JSON, anything else YAML), or null
     * @param host        values given by the host application; the lowest precedence
     * @return the values; nothing is validated yet
     * @throws ConfigException when the file cannot be read or parsed
     */
    public static ConfigValues of(String prefix, Map<String, String> environment, Path file, Map<String, ?> host) {
        if (prefix == null || !prefix.matches("[A-Z][A-Z0-9_]*_|")) {
            throw new ConfigException("prefix", "The environment prefix must be upper case and end with '_' (got '"
                    + prefix + "'), e.g. SSO_ or INVENTREE_");
        }
        return new ConfigValues(prefix, environment == null ? Map.of() : environment,
                file == null ? Map.of() : lowerCaseKeys(readFile(file)), host == null ? Map.of() : lowerCaseKeys(host),
                file == null ? null : file.toString());
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
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

    /**
     * The environment prefix these values were read with.
     *
     * @return e.g. {@code SSO_}
     */
    public String prefix() {
        return prefix;
    }

    /**
     * The raw value: the environment variable's string, else the file's or host's value.
     *
     * @param key the key
     * @return the value, or empty when no source sets it
     */
    public Optional<Object> get(ConfigKey key) {
        return find(key).map(Found::value);
    }

    /**
     * Where a key's value came from (or, when it is not set, where it would be read), for error messages.
     *
     * @param key the key
     * @return e.g. {@code environment variable SSO_SITE_URL}, for a message
     */
    public String sourceOf(ConfigKey key) {
        return find(key).map(Found::source).orElseGet(() -> environment.containsKey(key.envName(prefix))
                ? "environment variable " + key.envName(prefix) : "config key '" + key.fileKey() + "'" + fileSuffix());
    }

    private Optional<Found> find(ConfigKey key) {
        String env = environment.get(key.envName(prefix));
        if (env != null) {
            return Optional.of(new Found(env, "environment variable " + key.envName(prefix)));
        }
        Optional<Found> inFile = find(key, file, fileSuffix());
        return inFile.isPresent() ? inFile : find(key, host, "");
    }

    private String fileSuffix() {
        return fileName == null ? "" : " (file " + fileName + ")";
    }

    /** The key in one layer, flat or in its section; both at once is ambiguous and refused. */
    private static Optional<Found> find(ConfigKey key, Map<String, Object> layer, String where) {
        Object flat = layer.get(key.fileKey());
        Object nested = nested(key, layer, where);
        if (flat != null && nested != null) {
            throw new ConfigException(key.fileKey(), "config keys '" + key.fileKey() + "' and '" + key.nestedPath() + "'"
                    + where + " both set the same value; keep one of them");
        }
        if (flat != null) {
            return Optional.of(new Found(flat, "config key '" + key.fileKey() + "'" + where));
        }
        return Optional.ofNullable(nested).map(v -> new Found(v, "config key '" + key.nestedPath() + "'" + where));
    }

    private static Object nested(ConfigKey key, Map<String, Object> layer, String where) {
        if (key.nestedPath().isEmpty()) {
            return null;
        }
        int dot = key.nestedPath().indexOf('.');
        String section = key.nestedPath().substring(0, dot);
        String name = key.nestedPath().substring(dot + 1);
        Object value = layer.get(section);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException(section, "config key '" + section + "'" + where + " must be a mapping of settings"
                    + " (e.g. " + section + ": {" + name + ": ...}), not " + kind(value));
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String kind(Object value) {
        return value instanceof Map ? "a mapping" : value instanceof List ? "a list" : "a single value";
    }

    /**
     * A single value as text, exactly as given (not trimmed: white space can be part of a password).
     *
     * @param key the key
     * @throws ConfigException when the value is a list or a mapping, naming the key
     * @return the text, or empty when unset
     */
    public Optional<String> verbatim(ConfigKey key) {
        Optional<Found> found = find(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object value = found.get().value();
        if (value instanceof Map || value instanceof List) {
            throw new ConfigException(key.fileKey(), found.get().source() + " must be a single value, not " + kind(value));
        }
        return Optional.of(value.toString());
    }

    /**
     * A single value as trimmed text; empty when unset or blank. Lists and mappings are refused as in {@link
     * #verbatim}.
     *
     * @param key the key
     * @return the trimmed text, or empty
     */
    public Optional<String> string(ConfigKey key) {
        return verbatim(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * A boolean: {@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0} and InvenTree's {@code y/n},
     * {@code t/f}, in any letter case.
     *
     * @param key the key
     * @param fallback the value when the key is unset or blank
     * @return the boolean
     * @throws ConfigException for any other text, naming the key
     */
    public boolean bool(ConfigKey key, boolean fallback) {
        Optional<String> raw = string(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "y", "t" -> true;
            case "false", "0", "no", "off", "n", "f" -> false;
            default -> throw new ConfigException(key.fileKey(), sourceOf(key) + " must be true or false, not '" + raw.get() + "'");
        };
    }

    /**
     * A whole number above zero, such as a time-out.
     *
     * @param key the key
     * @param fallback the value when the key is unset or blank
     * @return the number
     * @throws ConfigException when the value is not a positive whole number, naming the key
     */
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
