package io.gatehouse.sso.core;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.session.LocalSessionRegistry;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.core.transaction.ReplayGuard;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SingleUseValues;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * What the steps of a {@link LoginEngine} share: the host's stores, the live settings, mail, the listeners,
 * the error log, the seal and the clock. Built once by the engine and handed to each part of the flow.
 *
 * @param config    the start-up configuration
 * @param accounts  the links of identities to users
 * @param users     the users
 * @param settings  the live login settings
 * @param mailer    mail (SSO sign-up needs it)
 * @param listeners told of every successful login
 * @param failures  the error-log writer
 * @param seal      seals what travels through the browser
 * @param singleUse remembers values that work once (callback states, sign-up forms, confirmation links)
 * @param clock     the engine's time
 */
record EngineParts(GatehouseConfig config, SocialAccountRepository accounts, UserDirectory users, LoginSettings settings,
                   Mailer mailer, List<LoginListener> listeners, FailureLog failures, Seal seal, SingleUseValues singleUse,
                   Clock clock) {
    /** The engine's logger: its start-up warnings stay where hosts look for them. */
    private static final Logger LOG = LoggerFactory.getLogger(LoginEngine.class);

    EngineParts {
        listeners = List.copyOf(listeners);
    }

    /** The seal under the configured transaction key, or (with a warning) a per-process key. */
    static Seal seal(GatehouseConfig config, Clock clock) {
        byte[] key = config.transactionKey().orElseGet(() -> {
            LOG.warn("No transaction_key is configured: login transactions are sealed with a per-process key. "
                    + "Several application nodes (or a restart during a login) need one shared key: set {}TRANSACTION_KEY "
                    + "to the output of 'openssl rand -base64 32'.", config.values().prefix());
            return Seal.randomKey();
        });
        return new Seal(key, clock);
    }

    /** The host's single-use store, or (with a warning) the engine's memory of this node. */
    static SingleUseValues singleUseOrPerNode(SingleUseValues given, GatehouseConfig config, Clock clock) {
        if (given != null) {
            return given;
        }
        LOG.warn("No SingleUseValues store is wired: used login callbacks, sign-up forms and email-confirmation links are "
                + "remembered in this node's memory only, so another node, or this one after a restart, accepts them once more. "
                + "With several nodes, pass a shared store to LoginEngine.Builder.singleUseValues "
                + "(JdbcStores.singleUseValues() with the JDBC stores).");
        return new ReplayGuard(config.transactionTtl(), clock);
    }

    /** The host's session registry, or (with a warning) one in this node's memory. */
    static SessionRegistry registryOrPerNode(SessionRegistry given, Clock clock) {
        if (given != null) {
            return given;
        }
        LOG.warn("No SessionRegistry is wired: sign-in sessions are kept in this node's memory only, so a back-channel "
                + "logout received by another node does not end them here, and a restart forgets them (the sessions then "
                + "count as ended). With several nodes, pass a shared registry to LoginEngine.Builder.sessionRegistry "
                + "(JdbcStores.sessions() with the JDBC stores).");
        return new LocalSessionRegistry(clock);
    }
}
