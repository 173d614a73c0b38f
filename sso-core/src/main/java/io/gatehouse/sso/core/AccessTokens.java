package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * Gives a host a valid access token for a user at a provider, renewing it with the stored refresh token when it has
 * expired or is about to ({@link SessionPolicy#refreshSkew()}). Concurrent callers for one token, on one node or on
 * several sharing the stores, cause one refresh at the IdP: the first to claim the token in the shared single-use
 * store redeems it, the others wait for the token it stores (a compare-and-set on the stored token, so a newer token
 * is never overwritten). When the IdP answers {@code invalid_grant} (revoked, expired, user disabled or signed out)
 * the stored tokens are cleared and the failure is {@link FailureCode#REFRESH_REVOKED}.
 *
 * <pre>{@code
 * TokenOutcome token = engine.tokens().current(user.id(), "keycloak", URI.create("https://app.example.com"));
 * }</pre>
 */
public final class AccessTokens {
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final EngineParts parts;
    private final AppSelector selector;
    private final IdpClients clients;
    private final Duration skew;
    /** How long a claim to refresh a token holds: longer than any refresh can take. */
    private final Duration lease;

    AccessTokens(EngineParts parts, AppSelector selector, IdpClients clients, Duration skew) {
        this.parts = parts;
        this.selector = selector;
        this.clients = clients;
        this.skew = skew;
        this.lease = parts.config().httpTimeout().multipliedBy(2).plusSeconds(1);
    }

    /**
     * The user's access token at the provider, renewed first when it expires within the skew. With several
     * identities of one provider, the one used last.
     *
     * @param baseUrl the public base URL of the site the user uses (it chooses the social application, as at sign-in)
     */
    public TokenOutcome current(String userId, String provider, URI baseUrl) {
        return get(userId, provider, baseUrl, false);
    }

    /** As {@link #current}, but renewed now whatever its expiry (a host that saw the token refused by an API). */
    public TokenOutcome refresh(String userId, String provider, URI baseUrl) {
        return get(userId, provider, baseUrl, true);
    }

    private TokenOutcome get(String userId, String provider, URI baseUrl, boolean force) {
        LoginAttempt attempt = LoginAttempt.accessToken(parts.failures(), userId, provider, baseUrl);
        return attempt.guard(() -> {
            Optional<SocialAccount> account = parts.accounts().findByUser(userId).stream()
                    .filter(a -> a.provider().equals(provider))
                    .max(Comparator.comparing(SocialAccount::lastLogin, Comparator.nullsFirst(Comparator.naturalOrder())));
            Optional<SocialToken> stored = account.flatMap(a -> parts.accounts().findToken(provider, a.uid()));
            if (stored.isEmpty()) {
                return failed(attempt, FailureCode.TOKEN_MISSING, account.isEmpty() ? "The user has no " + provider
                        + " identity" : "No token is stored for the user's " + provider + " identity " + account.get().uid());
            }
            SocialToken token = stored.get();
            attempt.scrub(token.accessToken(), token.refreshToken());
            if (!force && fresh(token)) {
                return current(token, false);
            }
            return renew(attempt.alsoAbout("uid=" + account.get().uid()), provider, account.get().uid(), token);
        }, failed -> new TokenOutcome.Failed(failed.failure()));
    }

    /** Claims the token and redeems it, or waits for the caller that claimed it first. */
    private TokenOutcome renew(LoginAttempt attempt, String provider, String uid, SocialToken read) throws ProviderException {
        // real time, not the engine's clock: this bounds how long this thread waits
        long giveUp = System.nanoTime() + lease.toNanos();
        while (true) {
            if (read.refreshToken() == null) {
                return failed(attempt, FailureCode.REFRESH_TOKEN_MISSING, "The access token expired and the IdP issued no "
                        + "refresh token (Google: AUTH_PARAMS access_type=offline; Microsoft: the offline_access scope)");
            }
            // the access token is part of the claim: after a refresh that kept the refresh token (Google), it differs
            String claim = SingleUseKey.ofSecret("token-refresh", read.refreshToken() + " " + read.accessToken());
            if (parts.singleUse().firstUse(claim, parts.clock().instant().plus(lease))) {
                return redeem(attempt, provider, uid, read);
            }
            pause();
            Optional<SocialToken> now = parts.accounts().findToken(provider, uid);
            if (now.isEmpty()) {
                return failed(attempt, FailureCode.REFRESH_REVOKED, "The token was cleared while another caller refreshed it "
                        + "(the IdP refused the refresh token)");
            }
            if (!now.get().equals(read)) {
                attempt.scrub(now.get().accessToken(), now.get().refreshToken());
                return current(now.get(), true);
            }
            if (System.nanoTime() - giveUp >= 0) {
                return failed(attempt, FailureCode.REFRESH_FAILED, "Another caller's refresh of this token did not finish "
                        + "within " + lease);
            }
        }
    }

    private TokenOutcome redeem(LoginAttempt attempt, String provider, String uid, SocialToken read) throws ProviderException {
        SelectedApp selected = selector.select(provider, BaseUrl.siteOf(attempt.baseUrl()), null);
        attempt.scrub(selected.app().secret());
        SocialToken fresh;
        try {
            fresh = selected.backend().refresh(ProviderContext.of(selected, attempt.baseUrl(), clients), read.refreshToken());
        } catch (ProviderException e) {
            if (e.code() == FailureCode.REFRESH_REVOKED && parts.accounts().replaceToken(provider, uid, read, null)) {
                LOG.info("Cleared the {} tokens of identity {}: the IdP no longer accepts its refresh token", provider, uid);
            }
            throw e;
        }
        attempt.scrub(fresh.accessToken(), fresh.refreshToken());
        SocialToken stored = fresh.mergedOver(read);
        if (!parts.accounts().replaceToken(provider, uid, read, stored)) {
            LOG.info("The {} token of identity {} changed during its refresh (a sign-in stored a newer one); that one stays",
                    provider, uid);
        }
        return current(stored, true);
    }

    private boolean fresh(SocialToken token) {
        // without an expiry (GitHub OAuth app tokens) there is nothing to renew
        return token.expiresAt() == null || token.expiresAt().minus(skew).isAfter(parts.clock().instant());
    }

    private static TokenOutcome current(SocialToken token, boolean refreshed) {
        return new TokenOutcome.Current(token.accessToken(), token.expiresAt(), refreshed);
    }

    private static TokenOutcome failed(LoginAttempt attempt, FailureCode code, String info) {
        return new TokenOutcome.Failed(attempt.refuse(code, info).failure());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another refresh of the token", e);
        }
    }
}
