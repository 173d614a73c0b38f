package io.gatehouse.sso.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An identity that has just signed in at its identity provider: who it is there, what the IdP said about
 * it, the tokens it issued, and when. Stores take it as one unit wherever a login touches a link:
 * {@link SocialAccountRepository#link}, {@link SocialAccountRepository#recordLogin} and
 * {@link Registration}.
 *
 * <pre>{@code
 * IdentitySignIn signIn = new IdentitySignIn("github", "583231", Map.of("login", "octocat"),
 *         new SocialToken("gho_...", null, null), clock.instant());
 * accounts.recordLogin(signIn);
 * }</pre>
 *
 * @param provider  provider route id (e.g. {@code github}, or an {@code openid_connect} instance id)
 * @param uid       the IdP's stable, immutable subject id
 * @param extraData the IdP's raw claims (JSON object)
 * @param token     the tokens the IdP issued, or {@code null} when there are none to store
 * @param at        when the sign-in happened
 */
public record IdentitySignIn(String provider, String uid, Map<String, Object> extraData, SocialToken token, Instant at) {

    /**
     * Requires {@code provider}, {@code uid} and {@code at}; copies {@code extraData} (immutable, {@code null} is
     * empty).
     *
     * @param provider provider route id (e.g. {@code github}, or an {@code openid_connect} instance id)
     * @param uid the IdP's stable, immutable subject id
     * @param extraData the IdP's raw claims (JSON object)
     * @param token the tokens the IdP issued, or {@code null} when there are none to store
     * @param at when the sign-in happened
     */
    public IdentitySignIn {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(at, "at");
        extraData = Frozen.map(extraData);
    }
}
