package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.AccessTokens;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.session.LocalSessionRegistry;
import io.gatehouse.sso.servlet.RpInitiatedLogout;
import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SingleUseValues;
import io.gatehouse.sso.testkit.InMemorySingleUseValues;
import java.time.Duration;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.groupsync.GroupSync;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.servlet.CsrfCheck;
import io.gatehouse.sso.servlet.HttpSessionBinder;
import io.gatehouse.sso.servlet.MinimalPageRenderer;
import io.gatehouse.sso.servlet.PageRenderer;
import io.gatehouse.sso.servlet.SessionBinder;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.spring.actuate.GatehouseMetrics;
import io.gatehouse.sso.spring.security.GatehouseAuthorities;
import io.gatehouse.sso.spring.security.GatehouseLogoutHandler;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import io.gatehouse.sso.testkit.InMemorySettings;
import io.gatehouse.sso.testkit.InMemorySocialApps;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bean of the auto-configuration steps aside for the application's own. */
class BeanReplacementTest {

    static Stream<Arguments> beans() {
        InMemoryIdentityStore identities = new InMemoryIdentityStore();
        InMemorySettings settings = new InMemorySettings();
        InMemoryErrorLog errors = new InMemoryErrorLog();
        GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null,
                Map.of("secret_keys", GatehouseContexts.KEY)));
        return Stream.of(
                bean(GatehouseConfig.class, () -> config),
                bean(ProviderRegistry.class, () -> ProviderRegistry.of(List.of(), List.of())),
                bean(SecretKeyRing.class, () -> SecretKeyRing.of("own", SecretKeyRing.generateKey())),
                bean(SocialAppRepository.class, InMemorySocialApps::new),
                bean(SocialAccountRepository.class, () -> only(SocialAccountRepository.class, identities)),
                bean(UserDirectory.class, () -> only(UserDirectory.class, identities)),
                bean(GroupStore.class, () -> only(GroupStore.class, identities)),
                bean(SettingsSource.class, () -> settings),
                bean(ErrorLog.class, () -> errors),
                bean(Mailer.class, () -> Mailer.NOT_CONFIGURED),
                bean(GroupSync.class, () -> new GroupSync(identities, settings, errors, Clock.systemUTC())),
                bean(LoginEngine.class, () -> ownEngine(config, identities, settings, errors)),
                bean(SessionRegistry.class, () -> new LocalSessionRegistry(Clock.systemUTC())),
                bean(SingleUseValues.class, InMemorySingleUseValues::new),
                bean(AccessTokens.class, () -> ownEngine(config, identities, settings, errors).tokens()),
                bean(GatehouseShutdown.class, () -> new GatehouseShutdown(ownEngine(config, identities, settings, errors), Duration.ofSeconds(1))),
                bean(RpInitiatedLogout.class, () -> new RpInitiatedLogout(ownEngine(config, identities, settings, errors), "/accounts")),
                bean(GatehouseAuthorities.class, () -> user -> List.of()),
                bean(SessionBinder.class, HttpSessionBinder::new),
                bean(CsrfCheck.class, CsrfCheck::sameOrigin),
                bean(PageRenderer.class, () -> new MinimalPageRenderer("/brand.css")),
                bean(GatehouseLogoutHandler.class, () -> new GatehouseLogoutHandler(
                        new RpInitiatedLogout(ownEngine(config, identities, settings, errors), "/accounts"))),
                bean(GatehouseMetrics.class, () -> new GatehouseMetrics(new SimpleMeterRegistry())));
    }

    private static LoginEngine ownEngine(GatehouseConfig config, InMemoryIdentityStore identities, InMemorySettings settings,
                                         InMemoryErrorLog errors) {
        return LoginEngine.builder(config).apps(new InMemorySocialApps()).accounts(identities)
                .users(identities).settings(settings).errorLog(errors).build();
    }

    /** A view of {@code store} with only the one interface, as an application's single-purpose store would have. */
    private static <T> T only(Class<T> type, Object store) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private static <T> Arguments bean(Class<T> type, Supplier<? extends T> own) {
        return Arguments.of(type, own);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beans")
    <T> void theApplicationsOwnBeanReplacesGatehouses(Class<T> type, Supplier<T> own) {
        T mine = own.get();
        GatehouseContexts.web().withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("applicationsOwn", type, () -> mine)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(type)).isSameAs(mine);
                    assertThat(context).hasSingleBean(LoginEngine.class);
                });
    }
}
