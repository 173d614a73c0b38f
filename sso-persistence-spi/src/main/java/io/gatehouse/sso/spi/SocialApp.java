package io.gatehouse.sso.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OAuth2 / OpenID Connect client registration that an administrator edits at run time
 * (django-allauth's {@code SocialApp}).
 *
 * <pre>{@code
 * SocialApp app = new SocialApp(null, "keycloak", "", "Company Keycloak",
 *         "inventree", "s3cret", "", Map.of("fetch_userinfo", true), Set.of("sso.example.com"));
 * apps.save(app);
 * }</pre>
 *
 * @param id         store-assigned id; {@code null} for an app not saved yet
 * @param provider   provider id, e.g. {@code github}, {@code openid_connect}
 * @param providerId sub-id for providers with several instances ({@code openid_connect}); empty otherwise.
 *                   It appears in the callback path instead of {@link #provider} when set.
 * @param name       display name; also selects the custom settings given for it in {@code social_providers}
 * @param clientId   OAuth2 client id
 * @param secret     OAuth2 client secret; never printed by {@link #toString()}
 * @param key        extra key some providers need; usually empty
 * @param settings   per-app settings (JSON object); they override {@code social_providers}
 * @param sites      site domains this app serves; an app with no site is unusable
 */
public record SocialApp(String id, String provider, String providerId, String name, String clientId,
                        String secret, String key, Map<String, Object> settings, Set<String> sites) {

    public SocialApp {
        Objects.requireNonNull(provider, "provider");
        providerId = providerId == null ? "" : providerId;
        name = name == null ? "" : name;
        clientId = clientId == null ? "" : clientId;
        secret = secret == null ? "" : secret;
        key = key == null ? "" : key;
        settings = Frozen.map(settings);
        sites = sites == null ? Set.of() : Set.copyOf(new TreeSet<>(sites));
    }

    /** The id used in URLs and for settings look-up: {@link #providerId} when set, else {@link #provider}. */
    public String routeId() {
        return providerId.isEmpty() ? provider : providerId;
    }

    /** True when the app's settings mark it {@code "hidden": true} (kept, but not offered as a login button). */
    public boolean hidden() {
        return Boolean.TRUE.equals(settings.get("hidden"));
    }

    public SocialApp withId(String newId) {
        return new SocialApp(newId, provider, providerId, name, clientId, secret, key, settings, sites);
    }

    public SocialApp withSecret(String newSecret) {
        return new SocialApp(id, provider, providerId, name, clientId, newSecret, key, settings, sites);
    }

    @Override
    public String toString() {
        return "SocialApp[id=" + id + ", provider=" + provider + ", providerId=" + providerId + ", name=" + name
                + ", clientId=" + clientId + ", secret=" + (secret.isEmpty() ? "(none)" : "(redacted)")
                + ", key=" + (key.isEmpty() ? "(none)" : "(redacted)") + ", settings=" + settings.keySet()
                + ", sites=" + sites + "]";
    }
}
