package io.gatehouse.sso.provider.authentik;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;

// docs/writing-a-provider.md's OpenID Connect provider, compiled (build-checks compares the two)
// snippet:authentik
public final class AuthentikBackend extends OidcProviderBackend {
    public AuthentikBackend() {
        super("authentik", "authentik", "AUTHENTIK_URL", "APP_SLUG");
    }

    @Override
    protected String issuer(ProviderContext context) throws ProviderException {
        String url = context.settings().string("AUTHENTIK_URL").orElseThrow(() -> new ProviderException(
                FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name() + "' needs AUTHENTIK_URL"));
        return url + "/application/o/" + context.settings().string("APP_SLUG").orElse("gatehouse") + "/";
    }
}
// end:authentik
