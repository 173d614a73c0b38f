package io.gatehouse.sso.demo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo itself is told by its {@code DEMO_*} environment variables: ports, the local IdP and mail
 * server, the admin password, the database, and where Gatehouse's own configuration and the initial login
 * settings come from. Gatehouse's settings ({@code SSO_*}) are read by the library, not here.
 *
 * <pre>{@code
 * DemoOptions options = DemoOptions.from(System.getenv());
 * DemoOptions forTests = DemoOptions.from(Map.of("DEMO_PORT", "0", "DEMO_IDP_PORT", "0", "DEMO_SMTP_PORT", "0"));
 * }</pre>
 *
 * @param bindAddress   host name or address every server listens on ({@code DEMO_BIND}, default {@code localhost})
 * @param port          the app's HTTP port ({@code DEMO_PORT}, default 8000; 0 picks a free one)
 * @param idp           whether the local Demo IdP runs ({@code DEMO_IDP}: {@code on}, {@code off}, default {@code auto})
 * @param idpPort       the Demo IdP's port ({@code DEMO_IDP_PORT}, default 8001; 0 picks a free one)
 * @param smtpPort      the in-JVM mail server's SMTP port ({@code DEMO_SMTP_PORT}, default 8025; 0 picks a free one)
 * @param adminPassword the password of the admin pages' user {@code admin} ({@code DEMO_ADMIN_PASSWORD}); empty: a random one
 * @param configFile    Gatehouse's YAML or JSON config file ({@code DEMO_CONFIG_FILE}), if any
 * @param settingsFile  a JSON object of initial login settings ({@code DEMO_SETTINGS_FILE}), if any
 * @param h2File        base path of a file H2 database ({@code DEMO_H2_FILE}); empty: a fresh in-memory database
 * @param databaseKeys  the database's secret keys ({@code DEMO_DB_KEYS}, {@code id:base64[,id:base64...]}); empty: generated
 * @param environment   the whole environment, for {@code DEMO_SETTING_*} and Gatehouse's {@code SSO_*} keys
 */
public record DemoOptions(String bindAddress, int port, IdpMode idp, int idpPort, int smtpPort, String adminPassword,
                          Optional<Path> configFile, Optional<Path> settingsFile, Optional<Path> h2File, String databaseKeys,
                          Map<String, String> environment) {

    /** The prefix of Gatehouse's own environment variables in the demo. */
    public static final String SSO_PREFIX = "SSO_";
    /** {@code DEMO_SETTING_<KEY>}: an initial login setting, e.g. {@code DEMO_SETTING_LOGIN_ENABLE_SSO=true}. */
    public static final String SETTING_PREFIX = "DEMO_SETTING_";

    /** Whether the local Demo IdP runs. */
    public enum IdpMode {
        /** Always. */
        ON,
        /** Never. */
        OFF,
        /** Unless {@code social_backends} is configured: then the real providers take its place. */
        AUTO
    }

    public DemoOptions {
        environment = Map.copyOf(environment);
    }

    /**
     * Reads the {@code DEMO_*} variables.
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static DemoOptions from(Map<String, String> env) {
        return new DemoOptions(
                text(env, "DEMO_BIND").orElse("localhost"),
                port(env, "DEMO_PORT", 8000),
                idpMode(env),
                port(env, "DEMO_IDP_PORT", 8001),
                port(env, "DEMO_SMTP_PORT", 8025),
                Optional.ofNullable(env.get("DEMO_ADMIN_PASSWORD")).orElse(""),
                text(env, "DEMO_CONFIG_FILE").map(Path::of),
                text(env, "DEMO_SETTINGS_FILE").map(Path::of),
                text(env, "DEMO_H2_FILE").map(Path::of),
                text(env, "DEMO_DB_KEYS").orElse(""),
                env);
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        Optional<String> raw = text(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(raw.get());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a port number from 0 (any free port) to 65535, not '" + raw.get() + "'");
    }

    private static IdpMode idpMode(Map<String, String> env) {
        String raw = text(env, "DEMO_IDP").orElse("auto").toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "on", "true", "yes", "1" -> IdpMode.ON;
            case "off", "false", "no", "0" -> IdpMode.OFF;
            case "auto" -> IdpMode.AUTO;
            default -> throw new IllegalArgumentException("DEMO_IDP must be on, off or auto, not '" + raw + "'");
        };
    }

    @Override
    public String toString() {
        // the admin password and the database keys are secrets
        return "DemoOptions[bind=" + bindAddress + ", port=" + port + ", idp=" + idp + ", idpPort=" + idpPort
                + ", smtpPort=" + smtpPort + ", configFile=" + configFile + ", settingsFile=" + settingsFile
                + ", h2File=" + h2File + "]";
    }
}
