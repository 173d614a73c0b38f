package io.gatehouse.sso.core.testing;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginListener;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import io.gatehouse.sso.testkit.InMemorySettings;
import io.gatehouse.sso.testkit.InMemorySocialApps;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Real in-memory stores, live settings and a recording mailer around a {@link LoginEngine}: the
 * fixture of engine-level tests. SSO and registration start enabled, as most tests need.
 */
public final class EngineFixture {
    public static final URI BASE = URI.create("http://localhost:8000");

    public final InMemorySocialApps apps = new InMemorySocialApps();
    public final InMemoryIdentityStore store = new InMemoryIdentityStore();
    public final InMemorySettings settings = new InMemorySettings(Map.of(
            SettingKey.LOGIN_ENABLE_SSO.name(), "true", SettingKey.LOGIN_ENABLE_SSO_REG.name(), "true"));
    public final InMemoryErrorLog errorLog = new InMemoryErrorLog();
    public final RecordingMailer mailer = new RecordingMailer();
    private final List<LoginListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private SSLContext tls;

    public static GatehouseConfig config(Map<String, ?> values) {
        return GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, values));
    }

    public EngineFixture set(SettingKey key, String value) {
        settings.put(key.name(), value);
        return this;
    }

    public EngineFixture clock(Clock c) {
        this.clock = c;
        return this;
    }

    /** Engines built from now on trust IdPs through this TLS context (e.g. {@link SelfSignedTls#clientTrust()}). */
    public EngineFixture tls(SSLContext context) {
        this.tls = context;
        return this;
    }

    public EngineFixture listener(LoginListener l) {
        listeners.add(l);
        return this;
    }

    public SocialApp addApp(String provider, String name, String clientId, String secret, Map<String, Object> appSettings) {
        return apps.save(SocialApp.builder(provider).name(name).clientId(clientId).secret(secret).settings(appSettings)
                .sites("localhost").build());
    }

    /** The {@code openid_connect} app "Fake" of this fake IdP, serving localhost, with userinfo off. */
    public SocialApp addOidcApp(FakeIdp idp) {
        return addApp("openid_connect", "Fake", FakeIdp.CLIENT_ID, FakeIdp.CLIENT_SECRET, Map.of("server_url", idp.issuer(),
                "fetch_userinfo", false));
    }

    /** An engine over these stores with exactly the given backends enabled. */
    public LoginEngine engine(Map<String, ?> config, ProviderBackend... backends) {
        List<String> ids = Arrays.stream(backends).map(ProviderBackend::id).toList();
        LoginEngine.Builder b = LoginEngine.builder(config(config)).apps(apps).accounts(store).users(store)
                .settings(settings).errorLog(errorLog).mailer(mailer).clock(clock)
                .registry(ProviderRegistry.of(ids, List.of(backends)));
        listeners.forEach(b::listener);
        if (tls != null) {
            b.tls(tls);
        }
        return b.build();
    }

    public LoginEngine engine(ProviderBackend... backends) {
        return engine(Map.of(), backends);
    }

    public List<ErrorRecord> errors() {
        return errorLog.all();
    }

    /** True when no user, link or group exists: nothing was persisted. */
    public boolean nothingPersisted() {
        return store.findById("1").isEmpty() && store.listGroups().isEmpty();
    }
}
