package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderRegistryTest {

    static class Named implements ProviderBackend {
        private final String id;

        Named(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return id;
        }

        @Override
        public URI authorizationUri(ProviderContext context, AuthorizationParams params) {
            return URI.create("https://idp.example/authorize");
        }

        @Override
        public ProviderResult exchange(ProviderContext context, CodeExchange exchange) throws ProviderException {
            throw new ProviderException(io.gatehouse.sso.core.FailureCode.IDP_ERROR, "not used");
        }
    }

    static final class OtherNamed extends Named {
        OtherNamed(String id) {
            super(id);
        }
    }

    @Test
    void onlyConfiguredBackendsAreActivated() {
        ProviderRegistry r = ProviderRegistry.of(List.of("github"), List.of(new Named("github"), new Named("google")));

        assertThat(r.find("github")).isPresent();
        assertThat(r.find("google")).isEmpty();
        assertThat(r.enabled()).extracting(ProviderBackend::id).containsExactly("github");
    }

    @Test
    void aShippedBackendMissingFromTheClassPathNamesTheArtifactToAdd() {
        assertThatThrownBy(() -> ProviderRegistry.of(List.of("github"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'github'")
                .hasMessageContaining("io.gatehouse:sso-provider-github");
    }

    @Test
    void anUnknownBackendListsWhatGatehouseShips() {
        assertThatThrownBy(() -> ProviderRegistry.of(List.of("facebook"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'facebook'")
                .hasMessageContaining("github, google, keycloak, microsoft, openid_connect");
    }

    @Test
    void twoModulesClaimingOneIdFailStartUp() {
        assertThatThrownBy(() -> ProviderRegistry.of(List.of("github"), List.of(new Named("github"), new OtherNamed("github"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Two provider modules claim the id 'github'");
    }

    /** A backend {@link ServiceLoader} can create: public, with a public no-argument constructor. */
    public static final class Registered extends Named {
        public Registered() {
            super("registered");
        }
    }

    @Test
    void theClassPathHasNoBackendsInCoreAlone() {
        assertThat(ServiceLoader.load(ProviderBackend.class)).as("backends registered on sso-core's class path").isEmpty();
        KnownProviders.fromClassPath().artifacts().forEach((id, artifact) ->
                assertThatThrownBy(() -> ProviderRegistry.load(List.of(id))).isInstanceOf(ConfigException.class)
                        .hasMessageContaining("io.gatehouse:" + artifact));
    }

    @Test
    void loadFindsABackendRegisteredOnTheContextClassPath(@TempDir Path classes) throws IOException {
        Path services = classes.resolve("META-INF/services/" + ProviderBackend.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, Registered.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);

            ProviderRegistry registry = ProviderRegistry.load(List.of("registered"));

            assertThat(registry.find("registered")).containsInstanceOf(Registered.class);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
