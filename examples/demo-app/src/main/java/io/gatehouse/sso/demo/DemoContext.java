package io.gatehouse.sso.demo;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.servlet.SessionBinder;

import java.util.Objects;
import java.util.Optional;

/**
 * What the demo's pages work with, built once at start-up by {@link DemoApp}.
 *
 * @param engine      the login engine (its settings, config and login buttons)
 * @param stores      the JDBC stores: apps, users, accounts, groups, settings, error log
 * @param binder      who is signed in (the same binder the SSO servlet signs users in with)
 * @param csrf        the session-bound CSRF tokens
 * @param admin       the administrator's sign-in
 * @param mailbox     the in-JVM mail server, when the demo runs its own
 * @param mailTarget  where mail goes, for the inbox page (e.g. {@code smtp.example.com:587})
 * @param mailer      the mailer (the admin pages' test mail)
 */
public record DemoContext(LoginEngine engine, JdbcStores stores, SessionBinder binder, SessionCsrfTokens csrf,
                         AdminAccess admin, Optional<DemoMailbox> mailbox, String mailTarget, Mailer mailer) {
    public DemoContext {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(binder, "binder");
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(mailer, "mailer");
    }
}
