package io.gatehouse.sso.keycloak;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hands tests the one {@link KeycloakServer} of this test run: started by the first test class that asks, stopped when
 * the run ends. Without a downloaded Keycloak (or a JDK 21+) the tests are skipped with a message saying how to run
 * them, except in CI ({@code CI=true}), where they must run and fail instead.
 *
 * <pre>{@code
 * @ExtendWith(RealKeycloak.class)
 * class SomeTest { @BeforeAll static void setUp(KeycloakServer keycloak) { ... } }
 * }</pre>
 */
final class RealKeycloak implements BeforeAllCallback, ParameterResolver {

    /** The started server, or why there is none; closed with the run's root context. */
    private record Shared(KeycloakServer server, String unavailable) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Skips the class (or, in CI, fails it) when there is no Keycloak to run against. */
    @Override
    public void beforeAll(ExtensionContext context) {
        Shared shared = shared(context);
        if (shared.server() == null) {
            String message = "Keycloak tests need a real Keycloak: " + shared.unavailable() + ". "
                    + KeycloakDistribution.HOW_TO_RUN + ".";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + " (CI=true: these tests must run)");
            }
            Assumptions.abort(message);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context).server();
    }

    private static Shared shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Shared.class, k -> start(), Shared.class);
    }

    private static Shared start() {
        List<String> problems = new ArrayList<>();
        Optional<KeycloakDistribution> distribution = KeycloakDistribution.find(problems);
        if (distribution.isEmpty()) {
            return new Shared(null, String.join("; ", problems));
        }
        try {
            KeycloakServer server = KeycloakServer.start(distribution.get());
            String line = "Keycloak " + System.getProperty("gatehouse.keycloak.version") + " started in "
                    + server.startup().toMillis() + " ms at " + server.baseUrl();
            System.out.println(line);
            Files.writeString(Path.of(KeycloakServer.logFile().getParent().toString(), "keycloak-startup.txt"), line + "\n");
            return new Shared(server, null);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak could not be started: " + e + "; see " + KeycloakServer.logFile(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Keycloak", e);
        }
    }
}
