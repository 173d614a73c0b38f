package io.gatehouse.sso.mail;

import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderResult;
import io.gatehouse.sso.spi.SocialToken;

import java.net.URI;
import java.time.Instant;

/**
 * A provider backend with no IdP behind it: it answers every code with the profile the test chose, so the
 * engine-level mail tests run the real login flow without depending on a provider module.
 */
final class ScriptedProviderBackend implements ProviderBackend {
    static final String ID = "fake";
    private static final String STATE = "state=";

    private volatile ProviderProfile profile;

    ScriptedProviderBackend(ProviderProfile profile) {
        this.profile = profile;
    }

    void answerWith(ProviderProfile next) {
        this.profile = next;
    }

    /** The state the engine put into an authorization URI of this IdP. */
    static String stateOf(URI authorizationUri) {
        String query = authorizationUri.getRawQuery();
        return query.substring(query.indexOf(STATE) + STATE.length());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Fake IdP";
    }

    @Override
    public URI authorizationUri(ProviderContext context, AuthorizationParams params) {
        // the state is base64url: safe in a query without encoding
        return URI.create("https://idp.test/authorize?" + STATE + params.state());
    }

    @Override
    public ProviderResult exchange(ProviderContext context, CodeExchange exchange) {
        return new ProviderResult(profile, new SocialToken("access-token-" + profile.uid(), null, Instant.now().plusSeconds(3600)));
    }
}
