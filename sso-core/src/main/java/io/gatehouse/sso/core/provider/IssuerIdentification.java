package io.gatehouse.sso.core.provider;

import java.util.Objects;

/**
 * How an authorization server names itself in its authorization responses (RFC 9207): the issuer identifier
 * the callback's {@code iss} parameter must equal, and whether the server promises to always send it
 * ({@code authorization_response_iss_parameter_supported} in its metadata).
 *
 * <pre>{@code
 * new IssuerIdentification(metadata.getIssuer().getValue(), metadata.supportsAuthorizationResponseIssuerParam());
 * }</pre>
 *
 * @param issuer     the issuer identifier, compared exactly
 * @param alwaysSent true when a response without {@code iss} must be refused
 */
public record IssuerIdentification(String issuer, boolean alwaysSent) {
    public IssuerIdentification {
        Objects.requireNonNull(issuer, "issuer");
    }
}
