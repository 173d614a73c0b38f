package io.gatehouse.sso.core.diagnostics;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.BaseUrl;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.i18n.Message;
import io.gatehouse.sso.core.oauth2.OAuth2ProviderBackend;
import io.gatehouse.sso.core.oauth2.TokenEndpointAuth;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Check this application": the checks an expert runs on a social application before users hit its problems,
 * each pass, warn or fail with a one-line fix. The application is usable (its provider enabled, a site, valid
 * settings); the callback URL for this site; settings its provider does not know; for OpenID Connect the
 * discovery document and its issuer, and a signing key for the advertised algorithms; the client secret at the
 * token endpoint; for Keycloak the groups claim. Everything goes through the same code a login uses, with fresh
 * clients, so a cached document never hides an outage. For hosts without the admin pages this is a plain call.
 *
 * <pre>{@code
 * AppDiagnostics diagnostics = new AppDiagnostics(config, registry, apps, accounts, settings, Clock.systemUTC());
 * Diagnosis d = diagnostics.diagnose(apps.findById("3").orElseThrow(), URI.create("https://sso.example.com"));
 * log.info("{}", d.report(Messages.of(), Locale.ENGLISH));   // or show it on a page
 * }</pre>
 */
public final class AppDiagnostics {
    /** The most links of one provider read to find its newest sign-in. */
    private static final int SIGN_INS_READ = 200;

    private final GatehouseConfig config;
    private final ProviderRegistry registry;
    private final SocialAppRepository apps;
    private final SocialAccountRepository accounts;
    private final SettingsSource settings;
    private final Clock clock;

    /**
     * Diagnostics over the same configuration, backends and stores the engine uses.
     *
     * @param config the start-up configuration
     * @param registry the enabled provider backends
     * @param apps the social applications
     * @param accounts the identity links, to find the newest sign-in and its claims
     * @param settings the live login settings (the group claim name)
     * @param clock the time of certificate and sign-in age checks
     */
    public AppDiagnostics(GatehouseConfig config, ProviderRegistry registry, SocialAppRepository apps,
                          SocialAccountRepository accounts, SettingsSource settings, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.apps = apps;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs every check of the application.
     *
     * @param baseUrl the public base URL the callback URL derives from, as {@link BaseUrl#resolve} gives it for the
     *                request (with the path where the SSO routes are mounted, if any)
     * @param app the application to check
     * @return every check's result, in order, with the callback URL to register
     */
    public Diagnosis diagnose(SocialApp app, URI baseUrl) {
        URI callback = BaseUrl.callbackUri(baseUrl, app.routeId());
        List<CheckResult> results = new ArrayList<>();
        results.add(CallbackUrlCheck.check(callback));
        Optional<SelectedApp> selected = select(app, baseUrl, results);
        if (selected.isPresent()) {
            results.add(SettingKeysCheck.check(selected.get()));
            ProviderContext context = new ProviderContext(app, selected.get().settings(), callback,
                    IdpClients.create(config.httpTimeout(), clock));
            idpChecks(selected.get(), context, results);
        }
        return new Diagnosis(app.id(), app.name(), app.provider(), callback, results);
    }

    /** The app as a login would select it, on the request's site or else on one of its own. */
    private Optional<SelectedApp> select(SocialApp app, URI baseUrl, List<CheckResult> results) {
        AppSelector selector = new AppSelector(apps, config, registry);
        Set<String> sites = new LinkedHashSet<>();
        sites.add(BaseUrl.siteOf(baseUrl));
        app.sites().stream().filter(s -> !s.equals("*")).forEach(sites::add);
        RuntimeException invalid = null;
        ProviderException refused = null;
        for (String site : sites) {
            try {
                SelectedApp selected = selector.selectById(app.routeId(), site, app.id());
                selected.backend().checkSettings(new ProviderContext(app, selected.settings(),
                        BaseUrl.callbackUri(baseUrl, app.routeId()), IdpClients.create(config.httpTimeout(), clock)));
                results.add(CheckResult.pass("app", Message.of("check.app.pass", app.provider(), site)));
                return Optional.of(selected);
            } catch (ProviderException e) {
                refused = refused == null ? e : refused;
            } catch (IllegalArgumentException e) {
                invalid = invalid == null ? e : invalid;
            }
        }
        String why = refused != null ? refused.getMessage() : invalid.getMessage();
        boolean enabled = registry.find(app.provider()).isPresent();
        results.add(CheckResult.fail("app", Message.of(enabled ? "check.app.unusable" : "check.app.not_enabled", why),
                Message.of(enabled ? "check.app.unusable.fix" : "check.app.not_enabled.fix", app.provider())));
        return Optional.empty();
    }

    private void idpChecks(SelectedApp selected, ProviderContext context, List<CheckResult> results) {
        if (selected.backend() instanceof OidcProviderBackend oidc) {
            DiscoveryCheck.Outcome discovery = DiscoveryCheck.check(oidc, context);
            results.add(discovery.result());
            if (discovery.metadata().isEmpty()) {
                results.add(CheckResult.skipped(SigningKeyCheck.ID, DiscoveryCheck.ID));
                results.add(CheckResult.skipped(ClientSecretCheck.ID, DiscoveryCheck.ID));
                return;
            }
            OIDCProviderMetadata md = discovery.metadata().get();
            results.add(SigningKeyCheck.check(md, context, clock));
            results.add(secret(context, md));
            if (selected.backend().id().equals("keycloak")) {
                results.add(groups(context, md));
            }
        } else if (selected.backend() instanceof OAuth2ProviderBackend oauth2) {
            try {
                results.add(ClientSecretCheck.check(context, oauth2.tokenEndpoint(context), oauth2.clientAuthentication(context),
                        null));
            } catch (ProviderException e) {
                results.add(CheckResult.fail(ClientSecretCheck.ID, Message.of("check.app.unusable", e.getMessage()),
                        Message.of("check.app.unusable.fix")));
            }
        } else {
            results.add(CheckResult.warn("endpoints", Message.of("check.endpoints.unknown", selected.backend().id()),
                    Message.of("check.endpoints.unknown.fix")));
        }
    }

    private CheckResult secret(ProviderContext context, OIDCProviderMetadata md) {
        try {
            return ClientSecretCheck.check(context, md.getTokenEndpointURI(),
                    TokenEndpointAuth.of(context, md.getTokenEndpointAuthMethods()), md.getGrantTypes());
        } catch (ProviderException e) {
            return CheckResult.fail(ClientSecretCheck.ID, Message.of("check.app.unusable", e.getMessage()),
                    Message.of("check.app.unusable.fix"));
        }
    }

    private CheckResult groups(ProviderContext context, OIDCProviderMetadata md) {
        LoginSettings login = new LoginSettings(settings);
        String key;
        boolean syncOn;
        try {
            key = login.groupKey();
            syncOn = login.groupSyncEnabled();
        } catch (InvalidSettingException e) {
            key = "groups";
            syncOn = false;
        }
        String route = context.app().routeId();
        return GroupsClaimCheck.check(context, md, key, syncOn, accounts.search(route, 0, SIGN_INS_READ).stream()
                .filter(a -> a.provider().equals(route)).toList());
    }

    /**
     * How long each call to the IdP may take: the configuration's {@code http_timeout_ms}.
     *
     * @return the per-call time-out
     */
    public Duration timeout() {
        return config.httpTimeout();
    }
}
