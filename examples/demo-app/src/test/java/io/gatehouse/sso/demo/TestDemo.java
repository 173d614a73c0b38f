package io.gatehouse.sso.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the demo in-process for a test: free ports, a fresh in-memory H2, its own GreenMail and Demo IdP,
 * a known admin password, and none of the machine's real environment.
 */
final class TestDemo {
    private TestDemo() {
    }

    static DemoApp start() {
        return start(Map.of());
    }

    /** @param extra environment variables on top of the test defaults (they win) */
    static DemoApp start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("DEMO_BIND", "localhost");
        env.put("DEMO_PORT", "0");
        env.put("DEMO_IDP_PORT", "0");
        env.put("DEMO_SMTP_PORT", "0");
        env.put("DEMO_ADMIN_PASSWORD", "admin-pw-" + UUID.randomUUID());
        // the first IdP call of a test JVM loads the JDK HTTP client, which can outlast the default 5 s when busy
        env.put("SSO_HTTP_TIMEOUT_MS", "20000");
        env.putAll(extra);
        return DemoApp.start(DemoOptions.from(env));
    }
}
