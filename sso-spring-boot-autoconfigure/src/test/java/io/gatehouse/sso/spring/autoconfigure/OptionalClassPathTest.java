package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.servlet.SsoServlet;
import io.gatehouse.sso.spring.actuate.GatehouseHealthIndicator;
import io.gatehouse.sso.spring.actuate.GatehouseMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter works in an application without Actuator, Micrometer or mail, and adds their parts when they are there. */
class OptionalClassPathTest {

    @Test
    void withoutActuatorMicrometerAndMailTheRestStillWorks() {
        GatehouseContexts.web()
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health", "org.springframework.boot.actuate",
                        "io.micrometer", "org.springframework.boot.micrometer", "io.gatehouse.sso.mail", "jakarta.mail",
                        "org.eclipse.angus"))
                .withPropertyValues("spring.mail.host=smtp.example.com", "gatehouse.email-sender=noreply@example.com")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(LoginEngine.class)
                            .doesNotHaveBean(GatehouseHealthIndicator.class).doesNotHaveBean(GatehouseMetrics.class)
                            .doesNotHaveBean(Mailer.class);
                    assertThat(context.getBean(LoginEngine.class).emailConfigured()).isFalse();
                    assertThat(context.getBean("gatehouseSsoServlet", ServletRegistrationBean.class).getServlet())
                            .isInstanceOf(SsoServlet.class);
                });
    }

    @Test
    void withActuatorAndAMeterRegistryHealthAndMetricsAreThere() {
        GatehouseContexts.web().withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasSingleBean(GatehouseHealthIndicator.class).hasSingleBean(GatehouseMetrics.class));
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        GatehouseContexts.web().withPropertyValues("management.health.gatehouse.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GatehouseHealthIndicator.class));
    }
}
