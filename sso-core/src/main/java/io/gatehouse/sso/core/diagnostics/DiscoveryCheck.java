package io.gatehouse.sso.core.diagnostics;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.i18n.Message;
import io.gatehouse.sso.core.oidc.OidcProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;

import java.util.Optional;

/** The discovery document is reachable, usable, and declares the issuer the application is configured with. */
final class DiscoveryCheck {
    static final String ID = "discovery";

    /** The outcome, with the metadata when the document could be used. */
    record Outcome(CheckResult result, Optional<OIDCProviderMetadata> metadata) {
    }

    private DiscoveryCheck() {
    }

    static Outcome check(OidcProviderBackend backend, ProviderContext context) {
        try {
            OIDCProviderMetadata md = backend.discoveredMetadata(context);
            return new Outcome(CheckResult.pass(ID, Message.of("check.discovery.pass", md.getIssuer())), Optional.of(md));
        } catch (ProviderException e) {
            return new Outcome(failed(e), Optional.empty());
        }
    }

    private static CheckResult failed(ProviderException e) {
        String outcome = e.code() == FailureCode.ISSUER_MISMATCH ? "issuer_mismatch"
                : e.code() == FailureCode.IDP_UNREACHABLE ? "unreachable"
                : e.code() == FailureCode.APP_NOT_CONFIGURED ? "not_configured" : "invalid";
        return CheckResult.fail(ID, Message.of("check.discovery." + outcome, e.getMessage()),
                Message.of("check.discovery." + outcome + ".fix"));
    }
}
