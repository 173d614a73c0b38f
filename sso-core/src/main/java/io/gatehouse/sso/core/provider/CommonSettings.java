package io.gatehouse.sso.core.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check of the django-allauth settings every provider understands, so that a value Gatehouse cannot use
 * is refused, naming the setting, instead of being ignored: the switches must be booleans, {@code SCOPE} a list
 * or a string, {@code AUTH_PARAMS} an object without the parameters Gatehouse sets itself, {@code VERIFIED_EMAIL}
 * a boolean or a list of domains, and a setting the provider {@linkplain ProviderBackend#refusedSettings() refuses}
 * unset (or {@code false}). Run at start-up on the configuration and again when an app is selected for a login.
 */
final class CommonSettings {
    /** Switches, with django-allauth's names (and Gatehouse's {@code pkce_enabled}). */
    static final List<String> SWITCHES = List.of("EMAIL_AUTHENTICATION", "EMAIL_AUTHENTICATION_AUTO_CONNECT",
            "OAUTH_PKCE_ENABLED", "pkce_enabled", "FETCH_USERINFO", "QUERY_EMAIL");

    private CommonSettings() {
    }

    /**
     * @param refused the backend's {@link ProviderBackend#refusedSettings()}, or none when the provider is not known
     * @throws InvalidProviderSettingException naming the first setting Gatehouse cannot use
     */
    static void check(ProviderSettings settings, Map<String, String> refused) {
        refused.forEach((key, instead) -> {
            Optional<Object> value = settings.get(key);
            if (value.isPresent() && !"false".equalsIgnoreCase(String.valueOf(value.get()).trim())) {
                throw new InvalidProviderSettingException(key, "provider setting '" + key + "' is not supported here: "
                        + instead);
            }
        });
        SWITCHES.forEach(key -> settings.bool(key, false));
        settings.get("SCOPE").filter(Map.class::isInstance).ifPresent(v -> {
            throw new InvalidProviderSettingException("SCOPE", "provider setting 'SCOPE' must be a list of scopes or a "
                    + "string of them, not an object");
        });
        AuthParams.of(settings);
        VerifiedEmailSetting.of(settings);
    }
}
