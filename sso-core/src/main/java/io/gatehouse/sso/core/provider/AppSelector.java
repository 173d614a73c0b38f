package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Chooses the social application for a login, the way django-allauth does: apps of the provider that
 * serve the current site, from the admin-edited repository and from {@code social_providers.<id>.APPS}.
 * An admin-edited app with no site is unusable (logged once, with the reason). With several usable
 * apps the choice is deterministic: the one named in the request, else the single non-hidden one,
 * else a clear error listing them.
 *
 * <pre>{@code
 * AppSelector selector = new AppSelector(apps, config, registry);
 * SelectedApp app = selector.select("github", "sso.example.com", null);
 * }</pre>
 */
public final class AppSelector {
    private static final Logger LOG = LoggerFactory.getLogger(AppSelector.class);

    private final SocialAppRepository apps;
    private final GatehouseConfig config;
    private final ProviderRegistry registry;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Map<String, ProviderSettings> configSettings = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> knownKeys = new ConcurrentHashMap<>();
    private final Map<String, List<SocialApp>> configApps = new ConcurrentHashMap<>();
    /** By app id; more apps than any deployment has, so clearing it when full costs nothing in practice. */
    private final Map<String, Merged> mergedById = new ConcurrentHashMap<>();
    private static final int MAX_MERGED = 1024;

    public AppSelector(SocialAppRepository apps, GatehouseConfig config, ProviderRegistry registry) {
        this.apps = apps;
        this.config = config;
        this.registry = registry;
    }

    /**
     * The app for {@code routeId} (a provider id, or an {@code openid_connect} app's provider_id) on {@code site}.
     *
     * @param appName optional app name to choose among several, or null
     * @throws ProviderException {@link FailureCode#PROVIDER_NOT_ENABLED}, {@link FailureCode#APP_NOT_CONFIGURED}
     *                           or {@link FailureCode#APP_AMBIGUOUS}
     */
    public SelectedApp select(String routeId, String site, String appName) throws ProviderException {
        List<SelectedApp> candidates = usableFor(routeId, site);
        if (candidates.isEmpty()) {
            if (registry.find(routeId).isEmpty() && allApps().stream()
                    .noneMatch(a -> a.routeId().equals(routeId) && registry.find(a.provider()).isPresent())) {
                throw new ProviderException(FailureCode.PROVIDER_NOT_ENABLED,
                        "Provider '" + routeId + "' is not in social_backends");
            }
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "No social application for '" + routeId
                    + "' serves site '" + site + "'. Add one in the admin (with this site selected) or under social_providers."
                    + routeId + ".APPS");
        }
        if (appName != null && !appName.isBlank()) {
            return candidates.stream().filter(c -> c.app().name().equals(appName)).findFirst()
                    .orElseThrow(() -> new ProviderException(FailureCode.APP_NOT_CONFIGURED, "No social application named '"
                            + appName + "' for '" + routeId + "' on site '" + site + "'; there are: " + names(candidates)));
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<SelectedApp> visible = candidates.stream().filter(c -> !c.app().hidden()).toList();
        if (visible.size() == 1) {
            return visible.get(0);
        }
        throw new ProviderException(FailureCode.APP_AMBIGUOUS, "Several social applications for '" + routeId
                + "' serve site '" + site + "': " + names(candidates)
                + ". Mark all but one hidden (settings {\"hidden\": true}), remove the site from the others, or name the app in the login URL (?app=NAME).");
    }

    /**
     * The app a started login chose, still usable on the site (an admin may have changed it since).
     *
     * @throws ProviderException {@link FailureCode#APP_NOT_CONFIGURED} when it no longer is
     */
    public SelectedApp selectById(String routeId, String site, String appId) throws ProviderException {
        // only the app the login started with is looked at closely (its settings merged), not every app of the route
        for (ProviderBackend backend : registry.enabled()) {
            for (SocialApp app : appsOf(backend)) {
                if (app.id().equals(appId) && app.routeId().equals(routeId) && servesSite(app, site, true)) {
                    return selected(app, backend);
                }
            }
        }
        throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "The social application this login started with (id "
                + appId + ") no longer serves '" + routeId + "' on site '" + site + "'");
    }

    /** Every usable, non-hidden app on the site, one per route id, in backend order: the login buttons. */
    public List<SelectedApp> loginChoices(String site) {
        Map<String, SelectedApp> byRoute = new LinkedHashMap<>();
        for (ProviderBackend backend : registry.enabled()) {
            for (SocialApp app : appsOf(backend)) {
                if (!app.hidden() && servesSite(app, site, false)) {
                    byRoute.putIfAbsent(app.routeId(), selected(app, backend));
                }
            }
        }
        return List.copyOf(byRoute.values());
    }

    private List<SelectedApp> usableFor(String routeId, String site) {
        List<SelectedApp> out = new ArrayList<>();
        for (ProviderBackend backend : registry.enabled()) {
            for (SocialApp app : appsOf(backend)) {
                if (app.routeId().equals(routeId) && servesSite(app, site, true)) {
                    out.add(selected(app, backend));
                }
            }
        }
        return out;
    }

    private List<SocialApp> allApps() {
        List<SocialApp> all = new ArrayList<>(apps.findAll());
        registry.enabled().forEach(b -> all.addAll(configApps(b.id())));
        return all;
    }

    private List<SocialApp> appsOf(ProviderBackend backend) {
        List<SocialApp> stored = apps.findByProvider(backend.id());
        List<SocialApp> configured = configApps(backend.id());
        if (configured.isEmpty()) {
            return stored;
        }
        List<SocialApp> list = new ArrayList<>(stored);
        list.addAll(configured);
        return list;
    }

    /** Apps from {@code social_providers.<id>.APPS}, read once (the configuration is fixed after start-up). */
    private List<SocialApp> configApps(String providerId) {
        return configApps.computeIfAbsent(providerId, this::readConfigApps);
    }

    /** Apps from {@code social_providers.<id>.APPS}; they serve every site (config has no sites). */
    private List<SocialApp> readConfigApps(String providerId) {
        Object raw = config.providerSettings(providerId).get("APPS");
        if (!(raw instanceof List<?> list)) {
            return List.of();
        }
        List<SocialApp> out = new ArrayList<>();
        int index = 0;
        for (Object item : list) {
            index++;
            if (!(item instanceof Map<?, ?> m)) {
                warnOnce("apps:" + providerId + index, "social_providers.{}.APPS entry {} is not an object; ignored", providerId, index);
                continue;
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            if (m.get("settings") instanceof Map<?, ?> s) {
                s.forEach((k, v) -> settings.put(String.valueOf(k), v));
            }
            out.add(SocialApp.builder(providerId).id("config:" + providerId + ":" + index).providerId(str(m.get("provider_id")))
                    .name(m.get("name") == null ? providerId : str(m.get("name"))).clientId(str(m.get("client_id")))
                    .secret(str(m.get("secret"))).key(str(m.get("key"))).settings(settings).sites("*").build());
        }
        return List.copyOf(out);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private boolean servesSite(SocialApp app, String site, boolean logWhenUnusable) {
        if (app.sites().isEmpty()) {
            if (logWhenUnusable) {
                warnOnce("nosite:" + app.id(), "Social application '{}' ({}) has no site and cannot be used; "
                        + "assign it to at least one site", app.name(), app.provider());
            }
            return false;
        }
        if (app.sites().contains("*")) {
            return true;
        }
        String wanted = site == null ? "" : site.toLowerCase(Locale.ROOT);
        String hostOnly = withoutPort(wanted);
        for (String s : app.sites()) {
            String candidate = s.toLowerCase(Locale.ROOT);
            if (candidate.equals(wanted) || candidate.equals(hostOnly)) {
                return true;
            }
        }
        return false;
    }

    /** {@code host} for {@code host:8000}: the part before a final colon followed only by digits. */
    private static String withoutPort(String site) {
        int colon = site.lastIndexOf(':');
        if (colon < 0 || colon == site.length() - 1) {
            return site;
        }
        for (int i = colon + 1; i < site.length(); i++) {
            if (site.charAt(i) < '0' || site.charAt(i) > '9') {
                return site;
            }
        }
        return site.substring(0, colon);
    }

    private SelectedApp selected(SocialApp app, ProviderBackend backend) {
        Merged last = app.id() == null ? null : mergedById.get(app.id());
        if (last == null || !last.isFor(app, backend)) {
            ProviderSettings settings = configSettings.computeIfAbsent(backend.id() + "\u0000" + app.name(),
                    k -> fromConfig(app, backend)).overriddenBy(app.settings());
            warnUnknownKeys(app, backend, settings);
            last = new Merged(backend.id(), app.name(), app.settings(), settings);
            if (app.id() != null) {
                if (mergedById.size() >= MAX_MERGED) {
                    mergedById.clear();
                }
                mergedById.put(app.id(), last);
            }
        }
        return new SelectedApp(app, backend, last.settings());
    }

    /**
     * An app's effective settings as last merged: reused while the app's own settings are equal (a store may hand
     * out a new but equal copy at every login), so a login does not re-merge and re-check them.
     */
    private record Merged(String backendId, String appName, Map<String, Object> appSettings, ProviderSettings settings) {
        boolean isFor(SocialApp app, ProviderBackend backend) {
            return backendId.equals(backend.id()) && appName.equals(app.name()) && appSettings.equals(app.settings());
        }
    }

    /** The configuration's part of an app's settings: fixed after start-up, so computed once per provider and name. */
    private ProviderSettings fromConfig(SocialApp app, ProviderBackend backend) {
        Map<String, Object> base = new LinkedHashMap<>(config.providerSettings(backend.id()));
        base.remove("APPS");
        ProviderSettings settings = ProviderSettings.of(base);
        if (!app.name().equals(backend.id())) {
            Map<String, Object> byName = new LinkedHashMap<>(config.providerSettings(app.name()));
            byName.remove("APPS");
            settings = settings.overriddenBy(byName);
        }
        return settings;
    }

    private void warnUnknownKeys(SocialApp app, ProviderBackend backend, ProviderSettings settings) {
        Set<String> known = knownKeys.computeIfAbsent(backend.id(), id -> {
            Set<String> keys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            keys.addAll(ProviderBackend.COMMON_SETTINGS);
            keys.addAll(backend.settingKeys());
            return keys;
        });
        for (String key : settings.keys()) {
            if (!known.contains(key)) {
                warnOnce("key:" + app.id() + ":" + key, "Social application '{}' ({}) has setting '{}', which the {} provider "
                        + "does not know; it is ignored. Known settings: {}", app.name(), app.provider(), key,
                        backend.id(), backend.settingKeys());
            }
        }
    }

    private void warnOnce(String key, String message, Object... args) {
        if (warned.add(key)) {
            String text = MessageFormatter.arrayFormat(message, args).getMessage();
            warnings.add(text);
            LOG.warn(text);
        }
    }

    /**
     * The configuration problems found so far (an app without a site, an unknown setting key, a malformed
     * {@code APPS} entry), each once, in the order found; each was also logged as a warning. For a host's
     * admin or diagnostics page.
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private static String names(List<SelectedApp> candidates) {
        return candidates.stream().map(c -> "'" + c.app().name() + "'").toList().toString();
    }
}
