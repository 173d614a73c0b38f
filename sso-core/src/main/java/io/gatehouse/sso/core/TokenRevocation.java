package io.gatehouse.sso.core;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.SocialToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Revokes an identity's stored token at its IdP (RFC 7009 revocation endpoint, as Keycloak and Google advertise it),
 * then deletes it here. When the IdP has no revocation endpoint, or the revocation fails, the token stays stored (the
 * admin may still delete it locally) and the failure goes to the error log. Calls go through the engine's IdP HTTP
 * client ({@link IdpClients}: deadline, body limit).
 *
 * <pre>{@code
 * TokenRevocation revocation = new TokenRevocation(config, registry, apps, accounts, errorLog, Clock.systemUTC());
 * Revoked r = revocation.revoke("keycloak", "ada-sub", URI.create("https://sso.example.com"));
 * if (r.failure() != null) { show(messages.text(locale, r.failure().code().messageKey())); }
 * }</pre>
 */
public final class TokenRevocation {
    private static final Logger LOG = LoggerFactory.getLogger(TokenRevocation.class);

    /**
     * What became of a revocation.
     *
     * @param revoked true when the IdP revoked the token and it was deleted here
     * @param failure why not (the token is still stored), or null
     */
    public record Revoked(boolean revoked, LoginFailure failure) {
    }

    /**
     * Its own {@link IdpClients}, as the admin pages have no engine; discovery documents are cached as in a login.
     *
     * @param config   the start-up configuration (backends, HTTP time-out)
     * @param registry the provider backends
     * @param apps     the social applications
     * @param accounts the identities and their tokens
     * @param errorLog where a failed revocation is recorded
     * @param clock    the clock of the records
     */
    public TokenRevocation(GatehouseConfig config, ProviderRegistry registry, SocialAppRepository apps,
                           SocialAccountRepository accounts, ErrorLog errorLog, Clock clock) {
        this.selector = new AppSelector(apps, config, registry);
        this.accounts = accounts;
        this.failures = new FailureLog(errorLog, clock);
        this.clients = IdpClients.create(config.httpTimeout(), clock);
    }

    private final AppSelector selector;
    private final SocialAccountRepository accounts;
    private final FailureLog failures;
    private final IdpClients clients;

    /**
     * Revokes the stored token of the identity {@code (provider, uid)} with the application a sign-in on this site
     * would use, and deletes it once the IdP confirmed.
     *
     * @param provider the identity's provider route id
     * @param uid      the identity's uid at that provider
     * @param baseUrl  the public base URL of the site (it chooses the social application, as at sign-in)
     * @return revoked, or the typed failure (also in the error log) with the token still stored
     */
    public Revoked revoke(String provider, String uid, URI baseUrl) {
        Optional<SocialToken> token = accounts.findToken(provider, uid);
        String data = "provider=" + provider + " uid=" + uid;
        String path = "admin:token-revocation:" + provider;
        if (token.isEmpty()) {
            return new Revoked(false, failed(FailureCode.TOKEN_MISSING, "No token is stored for identity " + uid, data, path,
                    List.of()));
        }
        List<String> secrets = List.of(token.get().accessToken(), String.valueOf(token.get().refreshToken()));
        try {
            SelectedApp selected = selector.select(provider, BaseUrl.siteOf(baseUrl), null);
            selected.backend().revoke(ProviderContext.of(selected, baseUrl, clients), token.get());
        } catch (ProviderException e) {
            return new Revoked(false, failed(e.code(), "The stored token could not be revoked at the identity provider, so it "
                    + "was kept: " + e.getMessage(), data, path, secrets));
        }
        accounts.deleteToken(provider, uid);
        LOG.info("Revoked the stored token of {} identity {} at the identity provider and deleted it", provider, uid);
        return new Revoked(true, null);
    }

    private LoginFailure failed(FailureCode code, String info, String data, String path, List<String> secrets) {
        return new LoginFailure(code, code.message(), failures.record(code.kind(), info, data, path, secrets));
    }
}
