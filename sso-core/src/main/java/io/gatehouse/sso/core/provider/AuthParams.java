package io.gatehouse.sso.core.provider;

import io.gatehouse.sso.core.FailureCode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code AUTH_PARAMS} setting: extra parameters for the authorization request (e.g.
 * {@code {"prompt": "select_account"}}), the one place every provider reads it. Parameters Gatehouse sets
 * for each login's security (state, nonce, PKCE) or from other settings (scope, client, callback) are
 * refused with {@link FailureCode#APP_NOT_CONFIGURED} instead of being dropped: an admin who wrote
 * {@code state} there learns at once that it has no effect.
 *
 * <pre>{@code
 * Map<String, String> extra = AuthParams.of(context); // {"prompt": "select_account"}
 * }</pre>
 */
public final class AuthParams {
    /** The parameters {@code AUTH_PARAMS} may not set. */
    public static final Set<String> RESERVED = Set.of("response_type", "client_id", "redirect_uri", "scope", "state",
            "nonce", "code_challenge", "code_challenge_method");

    private AuthParams() {
    }

    /**
     * The app's {@code AUTH_PARAMS}, in their order.
     *
     * @param context the app and its settings
     * @throws ProviderException {@link FailureCode#APP_NOT_CONFIGURED} when the setting is not an object or sets a
     *                           reserved parameter
     * @return the parameters; empty when the setting is absent
     */
    public static Map<String, String> of(ProviderContext context) throws ProviderException {
        try {
            return of(context.settings());
        } catch (InvalidProviderSettingException e) {
            throw new ProviderException(FailureCode.APP_NOT_CONFIGURED, "Social application '" + context.app().name()
                    + "': " + e.getMessage());
        }
    }

    /**
     * The {@code AUTH_PARAMS} of these settings, in their order.
     *
     * @param settings the effective settings
     * @throws InvalidProviderSettingException when the setting is not an object or sets a reserved parameter
     * @return the parameters; empty when the setting is absent
     */
    public static Map<String, String> of(ProviderSettings settings) {
        Map<String, String> params = new LinkedHashMap<>(settings.stringMap("AUTH_PARAMS"));
        Set<String> reserved = new TreeSet<>(params.keySet());
        reserved.retainAll(RESERVED);
        if (!reserved.isEmpty()) {
            throw new InvalidProviderSettingException("AUTH_PARAMS", "AUTH_PARAMS may not set " + reserved
                    + "; Gatehouse sets " + new TreeSet<>(RESERVED) + " itself (scope through the SCOPE setting)");
        }
        return params;
    }
}
