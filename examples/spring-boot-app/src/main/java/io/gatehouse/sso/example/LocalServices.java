package io.gatehouse.sso.example;

import io.gatehouse.sso.demo.DemoIdp;
import io.gatehouse.sso.demo.DemoMailbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services the example needs from outside, run in this JVM instead: the demo app's OpenID Connect IdP
 * (mock-oauth2-server with a login page that asks for a user name, email and groups) and its SMTP server
 * (GreenMail), so the example needs no account anywhere. {@link #properties()} points the application at them.
 *
 * <pre>{@code
 * try (LocalServices services = LocalServices.start("localhost", 8001, 8025)) {
 *     new SpringApplication(SpringBootExample.class).setDefaultProperties(services.properties());
 * }
 * }</pre>
 *
 * @param idp     the local IdP
 * @param mailbox the local mail server
 */
public record LocalServices(DemoIdp idp, DemoMailbox mailbox) implements AutoCloseable {

    /** Starts both; a port of 0 means any free one. */
    public static LocalServices start(String bindAddress, int idpPort, int smtpPort) {
        DemoMailbox mailbox = DemoMailbox.start(bindAddress, smtpPort);
        try {
            return new LocalServices(DemoIdp.start(bindAddress, idpPort), mailbox);
        } catch (RuntimeException e) {
            mailbox.close();
            throw e;
        }
    }

    /** The Spring properties that send Gatehouse's logins and mails here. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.mail.host", mailbox.host());
        properties.put("spring.mail.port", mailbox.port());
        return properties;
    }

    @Override
    public void close() {
        idp.close();
        mailbox.close();
    }
}
