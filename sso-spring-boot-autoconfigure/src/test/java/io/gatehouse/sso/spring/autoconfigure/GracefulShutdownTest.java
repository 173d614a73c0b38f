package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing the application context stops the engine's sign-ins gracefully (LoginEngine.shutdown), within a bound. */
class GracefulShutdownTest {
    private static final LoginRequest LOGIN = new LoginRequest(AuthProcess.LOGIN, "/", URI.create("http://localhost"), null, null);

    @Test
    void closingTheContextShutsTheEngineDownSoNewSignInsAreRefusedAsShuttingDown() {
        AtomicReference<LoginEngine> engine = new AtomicReference<>();
        GatehouseContexts.web().withPropertyValues("gatehouse.social-backends=openid_connect").run(context -> {
            engine.set(context.getBean(LoginEngine.class));
            assertThat(code(engine.get().beginLogin("openid_connect", LOGIN))).isNotEqualTo(FailureCode.SHUTTING_DOWN);
        });

        assertThat(code(engine.get().beginLogin("openid_connect", LOGIN))).isEqualTo(FailureCode.SHUTTING_DOWN);
    }

    @Test
    void theShutdownRunsBeforeTheWebServersGracefulShutdownAndTakesItsBoundFromTheProperty() {
        GatehouseContexts.web().withPropertyValues("gatehouse.shutdown.timeout=3s").run(context -> {
            GatehouseShutdown shutdown = context.getBean(GatehouseShutdown.class);
            assertThat(shutdown.isRunning()).isTrue();
            // Spring Boot's web server graceful shutdown stops at DEFAULT_PHASE - 1024; higher phases stop first
            assertThat(shutdown.getPhase()).isGreaterThan(org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 1024);
            assertThat(context.getBean(GatehouseProperties.class).shutdown().timeout()).hasSeconds(3);
        });
    }

    private static FailureCode code(LoginOutcome outcome) {
        return outcome instanceof LoginOutcome.Failed failed ? failed.failure().code() : null;
    }
}
