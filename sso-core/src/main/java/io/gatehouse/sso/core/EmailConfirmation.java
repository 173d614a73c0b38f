package io.gatehouse.sso.core;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.core.mail.MailException;
import io.gatehouse.sso.core.mail.MailMessage;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The confirmation mail a new user gets when the IdP did not verify their email, and the link in it.
 * The link is sealed (no server state to create it) and works once: its use is recorded as a link of the
 * pseudo-provider {@link LoginEngine#LoginEngine.EMAIL_CONFIRMED_MARKER}, so it survives restarts, holds across
 * nodes, and cannot undo an admin's later deactivation.
 */
final class EmailConfirmation {
    private static final Logger LOG = LoggerFactory.getLogger(EmailConfirmation.class);
    static final String PURPOSE = "email-confirmation";
    private static final Duration TTL = Duration.ofDays(1);

    private final Seal seal;
    private final Mailer mailer;
    private final UserDirectory users;
    private final SocialAccountRepository accounts;
    private final FailureLog failures;
    private final Clock clock;

    EmailConfirmation(Seal seal, Mailer mailer, UserDirectory users, SocialAccountRepository accounts, FailureLog failures,
                      Clock clock) {
        this.seal = seal;
        this.mailer = mailer;
        this.users = users;
        this.accounts = accounts;
        this.failures = failures;
        this.clock = clock;
    }

    /** Seals a one-time link for the user and mails it; a sending failure is logged and reported, never thrown. */
    boolean send(User user, URI baseUrl, String path, Set<String> secrets) {
        String token = seal.seal(PURPOSE, new JWTClaimsSet.Builder().subject(user.id())
                .claim("em", user.email()).build(), TTL);
        secrets.add(token);
        String link = baseUrl + "/accounts/confirm-email/" + token + "/";
        String text = "Hello " + user.username() + ",\n\nplease confirm your email address to activate your account:\n\n"
                + link + "\n\nThe link works once and expires in 24 hours. If you did not sign up, ignore this mail.\n";
        String html = "<p>Hello " + html(user.username()) + ",</p><p>please confirm your email address to activate your account:</p>"
                + "<p><a href=\"" + html(link) + "\">Confirm my email address</a></p>"
                + "<p>The link works once and expires in 24 hours. If you did not sign up, ignore this mail.</p>";
        try {
            mailer.send(new MailMessage(user.email(), "Confirm your email address", text, html));
            return true;
        } catch (MailException | RuntimeException e) {
            failures.record("sso.mail_failed", "The confirmation mail to user " + user.id() + " could not be sent; the account "
                    + "was kept (inactive). Fix mail, then activate the user in the admin (signing in again does not resend it).",
                    "user=" + user.id() + " error=" + e.getMessage(), path, secrets);
            return false;
        }
    }

    /**
     * Confirms an email from the link in the confirmation mail and activates the account. The link works
     * once: an active account (already confirmed), a recorded earlier use, or a changed email refuse it.
     */
    LoginOutcome confirm(String token, String path, Set<String> secrets) {
        JWTClaimsSet claims;
        try {
            claims = seal.open(PURPOSE, token);
        } catch (Seal.Expired e) {
            return failures.refuse(FailureCode.CONFIRMATION_EXPIRED, "An expired confirmation link was used", "", path, "/", secrets);
        } catch (Seal.Broken e) {
            return failures.refuse(FailureCode.CONFIRMATION_INVALID, "A confirmation link was rejected: " + e.getMessage(), "", path, "/", secrets);
        }
        Optional<User> user = users.findById(claims.getSubject());
        Object email = claims.getClaim("em");
        if (user.isEmpty() || !user.get().email().equalsIgnoreCase(String.valueOf(email))) {
            return failures.refuse(FailureCode.CONFIRMATION_INVALID, "A confirmation link names a user or email that no longer matches",
                    "user=" + claims.getSubject(), path, "/", secrets);
        }
        String marker = user.get().id() + ":" + user.get().email().toLowerCase(Locale.ROOT);
        if (user.get().active() || accounts.find(LoginEngine.EMAIL_CONFIRMED_MARKER, marker).isPresent()) {
            return failures.refuse(FailureCode.CONFIRMATION_INVALID, "A confirmation link was used again for user " + user.get().id(),
                    "user=" + user.get().id(), path, "/", secrets);
        }
        accounts.link(user.get().id(), LoginEngine.EMAIL_CONFIRMED_MARKER, marker, Map.of("confirmed_email", user.get().email()), null,
                clock.instant());
        User active = users.update(user.get().withActive(true));
        LOG.info("User {} confirmed their email", active.id());
        return new LoginOutcome.EmailConfirmed(active, "/");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
