package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.core.config.ConfigKey;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.spi.SocialApp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code social_providers} read and checked once, at start-up: every entry's settings must be usable
 * ({@link CommonSettings}), and each enabled provider's apps from configuration, {@code APPS} (a list) or
 * django-allauth's single {@code APP}, must be objects with a client id. A problem is a {@link ConfigException}
 * naming where it is ({@code config key 'social_providers' (file config.yaml): github.APPS entry 2 has no
 * client_id}), so a bad configuration stops the application instead of failing its first login.
 */
final class ConfiguredApps {
    private static final String APPS = "APPS";
    private static final String APP = "APP";

    private ConfiguredApps() {
    }

    /** The apps from configuration of each enabled provider; they serve every site (configuration has no sites). */
    static Map<String, List<SocialApp>> read(GatehouseConfig config, ProviderRegistry registry) {
        String source = config.values().sourceOf(ConfigKey.SOCIAL_PROVIDERS);
        config.socialProviders().forEach((key, settings) -> {
            Map<String, String> refused = registry.find(key).map(ProviderBackend::refusedSettings).orElse(Map.of());
            check(source + ": " + key, withoutApps(settings), refused);
        });
        Map<String, List<SocialApp>> apps = new LinkedHashMap<>();
        for (ProviderBackend backend : registry.enabled()) {
            apps.put(backend.id(), appsOf(source, backend, config.providerSettings(backend.id())));
        }
        return apps;
    }

    /** A provider's settings without its apps: what every app of the provider inherits. */
    static Map<String, Object> withoutApps(Map<String, Object> settings) {
        Map<String, Object> rest = new LinkedHashMap<>(settings);
        rest.keySet().removeIf(k -> k.equalsIgnoreCase(APPS) || k.equalsIgnoreCase(APP));
        return rest;
    }

    private static List<SocialApp> appsOf(String source, ProviderBackend backend, Map<String, Object> settings) {
        String id = backend.id();
        Object apps = ProviderSettings.of(settings).get(APPS).orElse(null);
        Object app = ProviderSettings.of(settings).get(APP).orElse(null);
        if (apps != null && app != null) {
            throw new ConfigException(ConfigKey.SOCIAL_PROVIDERS.fileKey(), source + ": " + id + " sets both APPS and APP;"
                    + " django-allauth would ignore APP. Keep one (APPS is a list of apps, APP one app)");
        }
        List<?> entries;
        String label;
        if (apps != null) {
            if (!(apps instanceof List<?> list)) {
                throw new ConfigException(ConfigKey.SOCIAL_PROVIDERS.fileKey(), source + ": " + id + ".APPS must be a list"
                        + " of apps, e.g. [{client_id: ..., secret: ...}]");
            }
            entries = list;
            label = id + ".APPS entry ";
        } else {
            entries = app == null ? List.of() : List.of(app);
            label = id + ".APP";
        }
        List<SocialApp> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = source + ": " + (apps != null ? label + (i + 1) : label);
            out.add(app(where, backend, entries.get(i), i + 1));
        }
        return out;
    }

    private static SocialApp app(String where, ProviderBackend backend, Object entry, int index) {
        if (!(entry instanceof Map<?, ?> fields)) {
            throw new ConfigException(ConfigKey.SOCIAL_PROVIDERS.fileKey(), where + " must be an object with client_id and"
                    + " secret, not " + (entry instanceof List ? "a list" : "'" + entry + "'"));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        Object raw = fields.get("settings");
        if (raw != null && !(raw instanceof Map<?, ?>)) {
            throw new ConfigException(ConfigKey.SOCIAL_PROVIDERS.fileKey(), where + ": settings must be an object");
        }
        if (raw instanceof Map<?, ?> s) {
            s.forEach((k, v) -> settings.put(String.valueOf(k), v));
        }
        String clientId = text(where, fields, "client_id");
        if (clientId.isBlank()) {
            throw new ConfigException(ConfigKey.SOCIAL_PROVIDERS.fileKey(), where + " has no client_id: give the client id"
                    + " the identity provider issued for this application");
        }
        check(where + " settings", settings, backend.refusedSettings());
        String name = text(where, fields, "name");
        return SocialApp.builder(backend.id()).id("config:" + backend.id() + ":" + index)
                .providerId(text(where, fields, "provider_id")).name(name.isEmpty() ? backend.id() : name)
                .clientId(clientId).secret(text(where, fields, "secret")).key(text(where, fields, "key"))
                .settings(settings).sites("*").build();
    }

    private static String text(String where, Map<?, ?> fields, String field) {
        Object value = fields.get(field);
        if (value instanceof Map || value instanceof List) {
            throw new ConfigException(ConfigKey.SOCIAL_PROVIDERS.fileKey(), where + ": " + field + " must be text");
        }
        return value == null ? "" : value.toString();
    }

    private static void check(String where, Map<String, Object> settings, Map<String, String> refused) {
        try {
            CommonSettings.check(ProviderSettings.of(settings), refused);
        } catch (InvalidProviderSettingException e) {
            throw new ConfigException(ConfigKey.SOCIAL_PROVIDERS.fileKey(), where + ": " + e.getMessage());
        }
    }
}
