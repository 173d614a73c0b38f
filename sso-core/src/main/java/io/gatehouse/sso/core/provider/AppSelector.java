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
 * else a clear error listing them. The configuration's apps and settings are checked when the selector
 * is made (at start-up: a {@link io.gatehouse.sso.core.config.ConfigException}); an admin-edited app's
 * settings when it is selected (an {@link InvalidProviderSettingException} naming the setting).
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
    private final Map<String, List<SocialApp>> configApps;
    private final MergedAppSettings merged = new MergedAppSettings();

    /**
     * @param apps the social applications
     * @param config the start-up configuration ({@code social_providers})
     * @param registry the enabled backends
     * @throws io.gatehouse.sso.core.config.ConfigException when {@code social_providers} holds a setting or an app
     *                                                      Gatehouse cannot use
     */
    public AppSelector(SocialAppRepository apps, GatehouseConfig config, ProviderRegistry registry) {
        this.apps = apps;
        this.config = config;
        this.registry = registry;
        this.configApps = ConfiguredApps.read(config, registry);
    }

    /**
     * The app for {@code routeId} (a provider id, or an {@code openid_connect} app's provider_id) on {@code site}.
     *
     * @param appName optional app name to choose among several, or null
     * @param routeId the route id from the URL
     * @param site the request's site ({@link io.gatehouse.sso.core.BaseUrl#siteOf})
     * @throws ProviderException {@link FailureCode#PROVIDER_NOT_ENABLED}, {@link FailureCode#APP_NOT_CONFIGURED}
     *                           or {@link FailureCode#APP_AMBIGUOUS}
     * @return the app with its backend and effective settings
     */
    public SelectedApp select(String routeId, String site, String appName) throws ProviderException {
        List<SelectedApp> candidates = usableFor(routeId, site);
        if (candidates.isEmpty()) {
            if (!isRoute(routeId)) {
                throw new ProviderException(FailureCode.PROVIDER_NOT_ENABLED,
                        "Provider '" + routeId + "' is not in social_backends");
            }
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "No social application for '" + routeId
                    + "' serves site '" + site + "'. Add one in the admin (with this site selected) or under social_providers."
                    + routeId + ".APPS");
        }
        if (appName != null && !appName.isBlank()) {
            return checked(candidates.stream().filter(c -> c.app().name().equals(appName)).findFirst()
                    .orElseThrow(() -> new ProviderException(FailureCode.APP_NOT_CONFIGURED, "No social application named '"
                            + appName + "' for '" + routeId + "' on site '" + site + "'; there are: " + names(candidates))));
        }
        if (candidates.size() == 1) {
            return checked(candidates.get(0));
        }
        List<SelectedApp> visible = candidates.stream().filter(c -> !c.app().hidden()).toList();
        if (visible.size() == 1) {
            return checked(visible.get(0));
        }
        throw new ProviderException(FailureCode.APP_AMBIGUOUS, "Several social applications for '" + routeId
                + "' serve site '" + site + "': " + names(candidates)
                + ". Mark all but one hidden (settings {\"hidden\": true}), remove the site from the others, or name the app in the login URL (?app=NAME).");
    }

    /**
     * Whether an enabled provider, or an app of one (its provider_id), serves this route id on some site.
     *
     * @param routeId the route id from a URL, e.g. {@code keycloak}
     * @return false for an id no enabled provider or app answers to (the error log groups those as unknown)
     */
    public boolean isRoute(String routeId) {
        return registry.find(routeId).isPresent() || allApps().stream()
                .anyMatch(a -> a.routeId().equals(routeId) && registry.find(a.provider()).isPresent());
    }

    /**
     * The app a started login chose, still usable on the site (an admin may have changed it since).
     *
     * @param routeId the route id from the callback URL
     * @param site the request's site
     * @param appId the app id the transaction holds
     * @throws ProviderException {@link FailureCode#APP_NOT_CONFIGURED} when it no longer is
     * @return the app with its backend and effective settings
     */
    public SelectedApp selectById(String routeId, String site, String appId) throws ProviderException {
        // only the app the login started with is looked at closely (its settings merged), not every app of the route
        for (ProviderBackend backend : registry.enabled()) {
            for (SocialApp app : appsOf(backend)) {
                if (app.id().equals(appId) && app.routeId().equals(routeId) && servesSite(app, site, true)) {
                    return checked(selected(app, backend));
                }
            }
        }
        throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "The social application this login started with (id "
                + appId + ") no longer serves '" + routeId + "' on site '" + site + "'");
    }

    /** The app, if the settings every provider understands have values Gatehouse can use (an admin may have typed anything). */
    private SelectedApp checked(SelectedApp selected) {
        MergedAppSettings.Entry entry = merged.find(selected.app(), selected.backend());
        boolean same = entry != null && entry.settings() == selected.settings();
        if (same && entry.checked()) {
            return selected;
        }
        try {
            CommonSettings.check(selected.settings(), selected.backend().refusedSettings());
        } catch (InvalidProviderSettingException e) {
            throw new InvalidProviderSettingException(e.key(), "Social application '" + selected.app().name() + "' ("
                    + selected.app().provider() + "): " + e.getMessage());
        }
        if (same) {
            entry.passedCheck();
        }
        return selected;
    }

    /**
     * Every usable, non-hidden app on the site, one per route id, in backend order: the login buttons.
     *
     * @param site the request's site
     * @return the apps; empty when none is usable
     */
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

    /**
     * Every app of the route that serves the site, hidden ones included (a back-channel logout picks the one its
     * token's audience names).
     *
     * @param routeId the route id
     * @param site the request's site
     * @return the apps; empty when none serves the site
     */
    public List<SelectedApp> usable(String routeId, String site) {
        return usableFor(routeId, site);
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

    /** Apps from {@code social_providers.<id>.APPS} (or {@code APP}); they serve every site (config has no sites). */
    private List<SocialApp> configApps(String providerId) {
        return configApps.getOrDefault(providerId, List.of());
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
        MergedAppSettings.Entry entry = merged.find(app, backend);
        if (entry == null) {
            ProviderSettings settings = configSettings.computeIfAbsent(backend.id() + "\u0000" + app.name(),
                    k -> fromConfig(app, backend)).overriddenBy(app.settings());
            warnUnknownKeys(app, backend, settings);
            entry = merged.remember(app, backend, settings);
        }
        return new SelectedApp(app, backend, entry.settings());
    }

    /** The configuration's part of an app's settings: fixed after start-up, so computed once per provider and name. */
    private ProviderSettings fromConfig(SocialApp app, ProviderBackend backend) {
        ProviderSettings settings = ProviderSettings.of(ConfiguredApps.withoutApps(config.providerSettings(backend.id())));
        if (!app.name().equals(backend.id())) {
            settings = settings.overriddenBy(ConfiguredApps.withoutApps(config.providerSettings(app.name())));
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
     * The configuration problems found so far (an app without a site, an unknown setting key), each once, in the order found; each was also logged as a warning. For a host's
     * admin or diagnostics page.
     *
     * @return the warnings; empty when the configuration is clean
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private static String names(List<SelectedApp> candidates) {
        return candidates.stream().map(c -> "'" + c.app().name() + "'").toList().toString();
    }
}
