package io.gatehouse.sso.core;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.core.mail.MailException;
import io.gatehouse.sso.core.mail.MailMessage;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.spi.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The confirmation mail a new user gets when the IdP did not verify their email, and the link in it; a user who
 * signs in again while awaiting it gets a new one. The link is sealed (no server state to create it) and works
 * once: its use is recorded in the host's
 * {@link io.gatehouse.sso.spi.SingleUseValues}, so with a shared store it holds across nodes and restarts,
 * and an admin's later deactivation cannot be undone by replaying the link.
 */
final class EmailConfirmation {
    private static final Logger LOG = LoggerFactory.getLogger(EmailConfirmation.class);
    static final String PURPOSE = "email-confirmation";
    private static final Duration TTL = Duration.ofDays(1);
    /** Signing in again sends at most one link per interval, so it cannot flood the user's mailbox. */
    static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);

    private final EngineParts parts;

    EmailConfirmation(EngineParts parts) {
        this.parts = parts;
    }

    /**
     * Mails a new user their one-time link, and remembers for the link's lifetime that they await it, so that
     * signing in again can send another (see {@link #resend}). A sending failure is logged and reported, never thrown.
     */
    boolean send(User user, LoginAttempt attempt) {
        parts.singleUse().firstUse(awaited(user), parts.clock().instant().plus(TTL));
        return mail(user, attempt);
    }

    /**
     * An inactive user signs in again. When they still await the confirmation of their email (registered less than a
     * link's lifetime ago, no link used since), a fresh link is mailed, at most once per {@link #RESEND_INTERVAL}:
     * how a mail that failed to go out (SMTP down) or got lost reaches them. Such a user already holds a valid link,
     * so a new one grants nothing an admin's deactivation had taken away; a user who confirmed, or registered
     * longer ago, gets nothing (empty).
     */
    Optional<LoginOutcome> resend(User user, LoginAttempt attempt) {
        if (!inUse(awaited(user)) || inUse(used(user))) {
            return Optional.empty();
        }
        // a link that went out within the interval is on its way: no second mail
        boolean sent = inUse(resent(user)) || mail(user, attempt);
        return Optional.of(new LoginOutcome.AwaitingVerification(user, sent, attempt.next()));
    }

    private boolean mail(User user, LoginAttempt attempt) {
        String token = parts.seal().seal(PURPOSE, new JWTClaimsSet.Builder().subject(user.id())
                .claim("em", user.email()).build(), TTL);
        attempt.scrub(token);
        String link = attempt.baseUrl() + "/accounts/confirm-email/" + token + "/";
        String text = "Hello " + user.username() + ",\n\nplease confirm your email address to activate your account:\n\n"
                + link + "\n\nThe link works once and expires in 24 hours. If you did not sign up, ignore this mail.\n";
        String html = "<p>Hello " + html(user.username()) + ",</p><p>please confirm your email address to activate your account:</p>"
                + "<p><a href=\"" + html(link) + "\">Confirm my email address</a></p>"
                + "<p>The link works once and expires in 24 hours. If you did not sign up, ignore this mail.</p>";
        try {
            parts.mailer().send(new MailMessage(user.email(), "Confirm your email address", text, html));
            parts.singleUse().firstUse(resent(user), parts.clock().instant().plus(RESEND_INTERVAL));
            return true;
        } catch (MailException | RuntimeException e) {
            attempt.note("sso.mail_failed", "The confirmation mail to user " + user.id() + " could not be sent; the account "
                    + "was kept (inactive). Fix mail: the user's next sign-in within 24 hours of signing up sends a new link "
                    + "(or activate the user in the admin).", "user=" + user.id() + " error=" + e.getMessage());
            return false;
        }
    }

    /**
     * Confirms an email from the link in the confirmation mail and activates the account. The link works
     * once: an active account (already confirmed), a recorded earlier use, or a changed email refuse it.
     */
    LoginOutcome confirm(String token, LoginAttempt attempt) {
        JWTClaimsSet claims;
        try {
            claims = parts.seal().open(PURPOSE, token);
        } catch (Seal.Expired e) {
            return attempt.refuse(FailureCode.CONFIRMATION_EXPIRED, "An expired confirmation link was used");
        } catch (Seal.Broken e) {
            return attempt.refuse(FailureCode.CONFIRMATION_INVALID, "A confirmation link was rejected: " + e.getMessage());
        }
        Optional<User> user = parts.users().findById(claims.getSubject());
        Object email = claims.getClaim("em");
        if (user.isEmpty() || !user.get().email().equalsIgnoreCase(String.valueOf(email))) {
            return attempt.about("user=" + claims.getSubject())
                    .refuse(FailureCode.CONFIRMATION_INVALID, "A confirmation link names a user or email that no longer matches");
        }
        // every link for this user and email expires within TTL of now, so remembering the use that long suffices;
        // the JDBC store's migration V2 moved the uses schema version 1 recorded under this same value
        if (user.get().active() || !parts.singleUse().firstUse(used(user.get()), parts.clock().instant().plus(TTL))) {
            return attempt.about("user=" + user.get().id())
                    .refuse(FailureCode.CONFIRMATION_INVALID, "A confirmation link was used again for user " + user.get().id());
        }
        User active = parts.users().update(user.get().withActive(true));
        LOG.info("User {} confirmed their email", active.id());
        return new LoginOutcome.EmailConfirmed(active, "/");
    }

    /** The use of a link for this user and email. */
    private static String used(User user) {
        return SingleUseKey.of(PURPOSE, user.id() + ":" + user.email().toLowerCase(Locale.ROOT));
    }

    /** This user and email await their confirmation (recorded at sign-up, for a link's lifetime). */
    private static String awaited(User user) {
        return SingleUseKey.of(PURPOSE + "-awaited", user.id() + ":" + user.email().toLowerCase(Locale.ROOT));
    }

    /** A link was mailed to this user within the last {@link #RESEND_INTERVAL}. */
    private static String resent(User user) {
        return SingleUseKey.of(PURPOSE + "-mailed", user.id());
    }

    /**
     * Whether {@code value} has a use that has not expired, without recording one: a use that expired before it was
     * made is no use (the {@code SingleUseValues} contract), and the epoch is past on every node's clock.
     */
    private boolean inUse(String value) {
        return !parts.singleUse().firstUse(value, Instant.EPOCH);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
