package io.gatehouse.sso.provider.microsoft;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code TENANT} / {@code tenant} setting: {@code common} (work, school and personal accounts),
 * {@code organizations} (work and school accounts of any tenant), {@code consumers} (personal Microsoft
 * accounts, which all live in one tenant Microsoft owns), or one tenant by id or by a domain name.
 *
 * @param value the setting as given, lower-cased
 */
record MicrosoftTenant(String value) {
    static final String COMMON = "common";
    static final String ORGANIZATIONS = "organizations";
    static final String CONSUMERS = "consumers";
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    static MicrosoftTenant of(ProviderContext context) throws ProviderException {
        String raw = context.settings().string("tenant").orElse(COMMON).toLowerCase(Locale.ROOT);
        if (!(raw.equals(COMMON) || raw.equals(ORGANIZATIONS) || raw.equals(CONSUMERS) || isGuid(raw) || DOMAIN.matcher(raw).matches())) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                    + "': TENANT must be common, organizations, consumers, a tenant id (GUID) or a tenant domain, not '" + raw + "'");
        }
        return new MicrosoftTenant(raw);
    }

    static boolean isGuid(String s) {
        return s != null && GUID.matcher(s.toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether users of many tenants sign in here, so the issuer follows each token's {@code tid}. */
    boolean multiTenant() {
        return value.equals(COMMON) || value.equals(ORGANIZATIONS);
    }

    /** Whether the setting is one tenant's id, which the tokens' {@code tid} must then equal. */
    boolean isId() {
        return isGuid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
