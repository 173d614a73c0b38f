package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.FailureCode;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every shipped backend shares: an id, a display name and the setting keys it understands, fixed
 * at construction, and the checks every app needs (a client id, a valid {@code AUTH_PARAMS}). Extend
 * {@link io.gatehouse.sso.core.oidc.OidcProviderBackend} or {@link io.gatehouse.sso.core.oauth2.OAuth2ProviderBackend}
 * rather than this class directly.
 *
 * <pre>{@code
 * public KeycloakBackend() {
 *     super("keycloak", "Keycloak", "KEYCLOAK_URL", "KEYCLOAK_REALM");
 * }
 * }</pre>
 */
public abstract class BaseProviderBackend implements ProviderBackend {
    private final String id;
    private final String displayName;
    private final Set<String> settingKeys;

    /**
     * @param protocolKeys the keys of the protocol base (e.g. every OIDC provider's)
     * @param ownKeys      the keys this provider adds
     * @param id the provider id, e.g. {@code github}
     * @param displayName the name on login buttons
     */
    protected BaseProviderBackend(String id, String displayName, Set<String> protocolKeys, String... ownKeys) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        Set<String> keys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        keys.addAll(protocolKeys);
        keys.addAll(Arrays.asList(ownKeys));
        this.settingKeys = Collections.unmodifiableSet(keys);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final Set<String> settingKeys() {
        return settingKeys;
    }

    /** Subclasses add their own checks and call this one. */
    @Override
    public void checkSettings(ProviderContext context) throws ProviderException {
        if (context.app().clientId().isBlank()) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                    + "' has no client id");
        }
        AuthParams.of(context);
    }
}
