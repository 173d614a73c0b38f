package io.gatehouse.sso.mail;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.testkit.AdjustableClock;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import io.gatehouse.sso.testkit.InMemorySettings;
import io.gatehouse.sso.testkit.InMemorySocialApps;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail side of SSO sign-up, end to end: the real {@link LoginEngine}, in-memory stores, a
 * {@link ScriptedProviderBackend}, and this module's {@link SmtpMailer} against GreenMail.
 */
class SsoRegistrationMailTest {
    private static final URI BASE = URI.create("http://localhost:8000");
    private static final String SMTP_PASSWORD = "smtp-pass-5150";
    private static final Pattern LINK = Pattern.compile("http://localhost:8000/accounts/confirm-email/([A-Za-z0-9_.-]+)/");
    private static final ProviderProfile UNVERIFIED = new ProviderProfile("ms-1001",
            List.of(new EmailAddress("ada@example.org", false, true)), "ada", "Ada", "Lovelace", Map.of("sub", "ms-1001"));
    private static final ProviderProfile VERIFIED = new ProviderProfile("kc-2002",
            List.of(new EmailAddress("grace@example.org", true, true)), "grace", "Grace", "Hopper", Map.of("sub", "kc-2002"));

    private static final GreenMailConfiguration SMTP_USER = GreenMailConfiguration.aConfig()
            .withUser("noreply@example.com", "gatehouse", SMTP_PASSWORD);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withConfiguration(SMTP_USER);

    private final InMemoryIdentityStore store = new InMemoryIdentityStore();
    private final InMemoryErrorLog errorLog = new InMemoryErrorLog();
    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2025-03-01T10:00:00Z"));
    private final ScriptedProviderBackend backend = new ScriptedProviderBackend(UNVERIFIED);

    /** Mail through GreenMail with SMTP AUTH, as a production host would configure it. */
    private static Map<String, String> workingMail() {
        return Map.of("SSO_EMAIL_HOST", SMTP.getSmtp().getBindTo(), "SSO_EMAIL_PORT", Integer.toString(SMTP.getSmtp().getPort()),
                "SSO_EMAIL_SENDER", "Gatehouse <noreply@example.com>",
                "SSO_EMAIL_USERNAME", "gatehouse", "SSO_EMAIL_PASSWORD", SMTP_PASSWORD);
    }

    private LoginEngine engine(String prefix, Map<String, String> env) {
        ConfigValues values = ConfigValues.of(prefix, env, null, Map.of("social_backends", List.of(ScriptedProviderBackend.ID),
                "transaction_key", Base64.getEncoder().encodeToString(new byte[32])));
        GatehouseConfig config = GatehouseConfig.read(values);
        InMemorySocialApps apps = new InMemorySocialApps();
        apps.save(SocialApp.builder(ScriptedProviderBackend.ID).name("Fake").clientId("client-id").secret("client-secret-9").sites("localhost").build());
        return LoginEngine.builder(config)
                .apps(apps).accounts(store).users(store)
                .settings(new InMemorySettings(Map.of("LOGIN_ENABLE_SSO", "true", "LOGIN_ENABLE_SSO_REG", "true")))
                .errorLog(errorLog)
                .mailer(SmtpMailer.from(config.values()))
                .clock(clock)
                .registry(ProviderRegistry.of(List.of(ScriptedProviderBackend.ID), List.of(backend)))
                .build();
    }

    private LoginEngine engine(Map<String, String> env) {
        return engine("SSO_", env);
    }

    private static LoginOutcome login(LoginEngine engine) {
        LoginOutcome begun = engine.beginLogin(ScriptedProviderBackend.ID, new LoginRequest(AuthProcess.LOGIN, "/", BASE, null, null));
        assertThat(begun).isInstanceOf(LoginOutcome.Redirect.class);
        LoginOutcome.Redirect redirect = (LoginOutcome.Redirect) begun;
        TransactionCookie cookie = redirect.cookie();
        return engine.completeLogin(ScriptedProviderBackend.ID, new CallbackRequest(
                Map.of("state", List.of(ScriptedProviderBackend.stateOf(redirect.location())), "code", List.of("c")),
                Map.of(cookie.name(), cookie.value()), BASE, null));
    }

    private static FailureCode failureOf(LoginOutcome outcome) {
        assertThat(outcome).isInstanceOf(LoginOutcome.Failed.class);
        return ((LoginOutcome.Failed) outcome).failure().code();
    }

    private static String confirmationToken() throws Exception {
        return confirmationToken(SMTP);
    }

    private static String confirmationToken(GreenMailOperations server) throws Exception {
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMultipart parts = (MimeMultipart) received[0].getContent();
        Matcher m = LINK.matcher(parts.getBodyPart(0).getContent().toString());
        assertThat(m.find()).as("the text part carries the confirmation link").isTrue();
        return m.group(1);
    }

    private User onlyUser() {
        List<User> users = store.findByEmail(UNVERIFIED.emails().get(0).address());
        assertThat(users).hasSize(1);
        return users.get(0);
    }

    private List<ErrorRecord> records(String kind) {
        return errorLog.all().stream().filter(r -> r.kind().equals(kind)).toList();
    }

    @Test
    void withoutMailSsoRegistrationIsRefusedAndTheAdminIsToldWhichKeysToSet() {
        LoginEngine engine = engine("INVENTREE_", Map.of());

        assertThat(engine.emailConfigured()).isFalse();
        assertThat(failureOf(login(engine))).isEqualTo(FailureCode.MAIL_NOT_CONFIGURED);

        List<ErrorRecord> refused = records("sso.mail_not_configured");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).info())
                .contains(MailKeys.EMAIL_HOST.envName("INVENTREE_"))
                .contains(MailKeys.EMAIL_SENDER.envName("INVENTREE_"));
        assertThat(store.findByEmail("ada@example.org")).isEmpty();
        assertThat(store.find(ScriptedProviderBackend.ID, UNVERIFIED.uid())).isEmpty();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void halfConfiguredMailStillKeepsRegistrationClosed() {
        LoginEngine engine = engine(Map.of("SSO_EMAIL_HOST", SMTP.getSmtp().getBindTo()));

        assertThat(failureOf(login(engine))).isEqualTo(FailureCode.MAIL_NOT_CONFIGURED);
        assertThat(store.findByEmail("ada@example.org")).isEmpty();
    }

    @Test
    void anUnverifiedEmailCreatesAnInactiveUserAndMailsThemAConfirmationLink() throws Exception {
        LoginOutcome outcome = login(engine(workingMail()));

        assertThat(outcome).isInstanceOf(LoginOutcome.AwaitingVerification.class);
        assertThat(((LoginOutcome.AwaitingVerification) outcome).mailSent()).isTrue();
        assertThat(onlyUser().active()).isFalse();

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("ada@example.org");
        assertThat(mail.getSubject()).isEqualTo("Confirm your email address");
        String token = confirmationToken();
        String html = ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent().toString();
        assertThat(html).contains("href=\"http://localhost:8000/accounts/confirm-email/" + token + "/\"");
    }

    @Test
    void aVerifiedEmailSignsInStraightAwayWithoutMail() {
        backend.answerWith(VERIFIED);

        LoginOutcome outcome = login(engine(workingMail()));

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(((LoginOutcome.SignedIn) outcome).user().active()).isTrue();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void followingTheLinkActivatesTheUserWhoCanThenSignIn() throws Exception {
        LoginEngine engine = engine(workingMail());
        login(engine);
        String token = confirmationToken();
        assertThat(login(engine)).as("before confirming: the mail is on its way").isInstanceOfSatisfying(
                LoginOutcome.AwaitingVerification.class, a -> assertThat(a.mailSent()).isTrue());
        assertThat(SMTP.getReceivedMessages()).as("no second mail within a minute of the first").hasSize(1);

        LoginOutcome confirmed = engine.confirmEmail(token);

        assertThat(confirmed).isInstanceOf(LoginOutcome.EmailConfirmed.class);
        assertThat(onlyUser().active()).isTrue();
        assertThat(login(engine)).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void theLinkWorksOnlyOnce() throws Exception {
        LoginEngine engine = engine(workingMail());
        login(engine);
        String token = confirmationToken();
        engine.confirmEmail(token);

        assertThat(failureOf(engine.confirmEmail(token))).isEqualTo(FailureCode.CONFIRMATION_INVALID);
    }

    @Test
    void aUsedLinkCannotReactivateAUserAnAdminDeactivatedLater() throws Exception {
        LoginEngine engine = engine(workingMail());
        login(engine);
        String token = confirmationToken();
        engine.confirmEmail(token);
        store.update(onlyUser().withActive(false));

        assertThat(failureOf(engine.confirmEmail(token))).isEqualTo(FailureCode.CONFIRMATION_INVALID);
        assertThat(onlyUser().active()).isFalse();
    }

    @Test
    void anExpiredLinkIsRefusedAndTheUserStaysInactive() throws Exception {
        LoginEngine engine = engine(workingMail());
        login(engine);
        String token = confirmationToken();

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        assertThat(failureOf(engine.confirmEmail(token))).isEqualTo(FailureCode.CONFIRMATION_EXPIRED);
        assertThat(onlyUser().active()).isFalse();
    }

    @Test
    void aTamperedLinkIsRefused() throws Exception {
        LoginEngine engine = engine(workingMail());
        login(engine);
        String token = confirmationToken();

        assertThat(failureOf(engine.confirmEmail(token.substring(0, token.length() - 4) + "AAAA")))
                .isEqualTo(FailureCode.CONFIRMATION_INVALID);
        assertThat(onlyUser().active()).isFalse();
    }

    @Test
    void whenTheSmtpServerIsDownTheAccountIsKeptAndTheFailureLogged() throws IOException {
        Map<String, String> env = new HashMap<>(workingMail());
        env.put("SSO_EMAIL_PORT", Integer.toString(SmtpMailerTest.closedPort()));

        LoginOutcome outcome = login(engine(env));

        assertThat(outcome).isInstanceOf(LoginOutcome.AwaitingVerification.class);
        assertThat(((LoginOutcome.AwaitingVerification) outcome).mailSent()).isFalse();
        assertThat(onlyUser().active()).isFalse();
        assertThat(store.find(ScriptedProviderBackend.ID, UNVERIFIED.uid())).isPresent();
        List<ErrorRecord> failed = records("sso.mail_failed");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).data()).contains("refused the connection");
    }

    @Test
    void whenTheSmtpServerWasDownAtSignUpTheNextSignInAfterItCameBackSendsTheLink() throws Exception {
        int port = SmtpMailerTest.closedPort();
        Map<String, String> env = new HashMap<>(workingMail());
        env.put("SSO_EMAIL_PORT", Integer.toString(port));
        LoginEngine engine = engine(env);
        assertThat(login(engine)).isInstanceOfSatisfying(LoginOutcome.AwaitingVerification.class,
                a -> assertThat(a.mailSent()).isFalse());
        assertThat(records("sso.mail_failed")).hasSize(1);

        GreenMail restarted = new GreenMail(new ServerSetup(port, SMTP.getSmtp().getBindTo(), ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(SMTP_USER);
        restarted.start();
        try {
            assertThat(login(engine)).isInstanceOfSatisfying(LoginOutcome.AwaitingVerification.class,
                    a -> assertThat(a.mailSent()).isTrue());

            assertThat(engine.confirmEmail(confirmationToken(restarted))).isInstanceOf(LoginOutcome.EmailConfirmed.class);
            assertThat(login(engine)).isInstanceOf(LoginOutcome.SignedIn.class);
            assertThat(records("sso.mail_failed")).as("only the failure during the outage").hasSize(1);
        } finally {
            restarted.stop();
        }
    }

    private static void assertInactiveWithoutANewLink(LoginEngine engine) {
        assertThat(failureOf(login(engine))).isEqualTo(FailureCode.ACCOUNT_INACTIVE);
        assertThat(SMTP.getReceivedMessages()).as("only the sign-up mail").hasSize(1);
    }

    @Test
    void aUserDeactivatedAfterConfirmingGetsNoNewLinkBySigningInAgain() throws Exception {
        LoginEngine engine = engine(workingMail());
        login(engine);
        engine.confirmEmail(confirmationToken());
        store.update(onlyUser().withActive(false));
        clock.advance(Duration.ofMinutes(5));

        assertInactiveWithoutANewLink(engine);
    }

    @Test
    void signingInAgainOnceTheLinksLifetimeSinceSignUpHasPassedSendsNoLink() throws Exception {
        LoginEngine engine = engine(workingMail());
        login(engine);

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        assertInactiveWithoutANewLink(engine);
    }

    @Test
    void signingInAgainAfterAMinuteSendsAFreshLinkThatWorks() throws Exception {
        LoginEngine engine = engine(workingMail());
        login(engine);
        clock.advance(Duration.ofMinutes(2));

        assertThat(login(engine)).isInstanceOfSatisfying(LoginOutcome.AwaitingVerification.class,
                a -> assertThat(a.mailSent()).isTrue());

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        Matcher second = LINK.matcher(((MimeMultipart) received[1].getContent()).getBodyPart(0).getContent().toString());
        assertThat(second.find()).isTrue();
        assertThat(engine.confirmEmail(second.group(1))).isInstanceOf(LoginOutcome.EmailConfirmed.class);
        assertThat(onlyUser().active()).isTrue();
    }

    @Test
    void whenTheSmtpServerRefusesTheLoginTheAccountIsKeptAndThePasswordIsNotLogged() {
        Map<String, String> env = new HashMap<>(workingMail());
        env.put("SSO_EMAIL_PASSWORD", "not-the-" + SMTP_PASSWORD);

        LoginOutcome outcome = login(engine(env));

        assertThat(outcome).isInstanceOf(LoginOutcome.AwaitingVerification.class);
        assertThat(((LoginOutcome.AwaitingVerification) outcome).mailSent()).isFalse();
        assertThat(onlyUser().active()).isFalse();
        List<ErrorRecord> failed = records("sso.mail_failed");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).data()).contains("refused the login").contains("EMAIL_PASSWORD");
        assertThat(errorLog.all()).allSatisfy(r -> assertThat(r.info() + r.data()).doesNotContain(SMTP_PASSWORD));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
}
