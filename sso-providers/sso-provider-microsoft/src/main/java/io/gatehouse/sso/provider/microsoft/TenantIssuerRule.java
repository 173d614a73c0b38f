package io.gatehouse.sso.provider.microsoft;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.Issuer;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.oidc.IssuerRule;
import io.gatehouse.sso.core.provider.ProviderException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuer a Microsoft ID token must carry. Every Entra ID token names its tenant twice: in {@code tid}
 * and in {@code iss} ({@code https://login.microsoftonline.com/<tid>/v2.0}). The multi-tenant discovery
 * documents ({@code common}, {@code organizations}) declare the template
 * {@code https://login.microsoftonline.com/{tenantid}/v2.0}, so this rule reads {@code tid} from the not
 * yet verified token, checks it is a tenant id, and requires exactly the template filled with it: a token
 * whose {@code iss} names another tenant than its {@code tid} is refused. Signature verification follows
 * either way, so a forged {@code tid} gains nothing.
 *
 * <p>A tenant-specific document ({@code consumers}, a tenant id or domain) declares its one real issuer;
 * then the token's {@code tid} must be that tenant and its {@code iss} exactly that issuer. The issuer's
 * host is taken from the document rather than from {@code login_url}: in sovereign clouds they differ
 * (Azure China signs in at {@code login.chinacloudapi.cn} but issues as {@code login.partner.microsoftonline.cn}).
 */
final class TenantIssuerRule implements IssuerRule {
    private static final String TEMPLATE = "{tenantid}";
    private static final Pattern TENANT_IN_ISSUER = Pattern.compile("^https?://[^/]+/([0-9a-fA-F-]{36})/v2\\.0/?$");

    private final String issuer;
    private final String tenantId;

    private TenantIssuerRule(String issuer, String tenantId) {
        this.issuer = issuer;
        this.tenantId = tenantId;
    }

    /**
     * @param tenant         the configured tenant
     * @param declaredIssuer the discovery document's issuer (its braces may arrive percent-encoded)
     * @throws ProviderException when a tenant-specific document names no tenant, or another tenant than configured
     */
    static TenantIssuerRule of(MicrosoftTenant tenant, String declaredIssuer) throws ProviderException {
        String declared = declaredIssuer.replaceAll("(?i)%7Btenantid%7D", TEMPLATE);
        if (declared.contains(TEMPLATE)) {
            return new TenantIssuerRule(declared, tenant.isId() ? tenant.value() : null);
        }
        Matcher m = TENANT_IN_ISSUER.matcher(declared);
        if (!m.matches() || !MicrosoftTenant.isGuid(m.group(1))) {
            throw new ProviderException(FailureCode.IDP_RESPONSE_INVALID, "The Microsoft discovery document for tenant '"
                    + tenant + "' declares issuer '" + declared + "', which names no tenant id (expected https://<login host>/<tenant id>/v2.0)");
        }
        String documentTenant = m.group(1).toLowerCase(Locale.ROOT);
        if (tenant.isId() && !documentTenant.equals(tenant.value())) {
            throw new ProviderException(FailureCode.ISSUER_MISMATCH, "The Microsoft discovery document declares issuer '"
                    + declared + "' but TENANT is '" + tenant + "'");
        }
        return new TenantIssuerRule(declared, documentTenant);
    }

    @Override
    public Issuer expectedFor(JWTClaimsSet unverifiedClaims) throws ProviderException {
        Object tid = unverifiedClaims.getClaim("tid");
        if (!(tid instanceof String t) || !MicrosoftTenant.isGuid(t)) {
            throw new ProviderException(FailureCode.ID_TOKEN_INVALID, "The Microsoft ID token's tid claim is "
                    + (tid == null ? "missing" : "not a tenant id") + "; it cannot be matched to an issuer");
        }
        if (tenantId != null && !tenantId.equalsIgnoreCase(t)) {
            throw new ProviderException(FailureCode.ISSUER_MISMATCH, "The Microsoft ID token belongs to tenant " + t
                    + ", but only tenant " + tenantId + " is accepted here");
        }
        Issuer expected = new Issuer(issuer.replace(TEMPLATE, t));
        // said here because the validator's own message would not mention the tid the issuer was derived from
        if (unverifiedClaims.getIssuer() != null && !expected.getValue().equals(unverifiedClaims.getIssuer())) {
            throw new ProviderException(FailureCode.ISSUER_MISMATCH, "The Microsoft ID token of tenant " + t + " was issued by '"
                    + unverifiedClaims.getIssuer() + "'; only '" + expected + "' is accepted for that tenant");
        }
        return expected;
    }

    @Override
    public String toString() {
        return "TenantIssuerRule[" + issuer + "]";
    }
}
