package io.gatehouse.sso.spi;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OAuth2 / OpenID Connect client registration that an administrator edits at run time
 * (django-allauth's {@code SocialApp}).
 *
 * <pre>{@code
 * SocialApp app = SocialApp.builder("keycloak").name("Company Keycloak")
 *         .clientId("inventree").secret("s3cret")
 *         .settings(Map.of("fetch_userinfo", true)).sites("sso.example.com")
 *         .build();
 * apps.save(app);
 * SocialApp renamed = app.toBuilder().name("Corporate Keycloak").build();
 * }</pre>
 *
 * <p>Build apps with {@link #builder}; the canonical constructor is there because records need it.
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

    /**
     * Requires {@code provider}; {@code null} text parts become empty and settings and sites are copied (immutable).
     * Prefer {@link #builder}.
     *
     * @param id store-assigned id; {@code null} for an app not saved yet
     * @param provider provider id, e.g. {@code github}, {@code openid_connect}
     * @param providerId sub-id for providers with several instances ({@code openid_connect}); empty otherwise. It appears in the callback path instead of {@link #provider} when set.
     * @param name display name; also selects the custom settings given for it in {@code social_providers}
     * @param clientId OAuth2 client id
     * @param secret OAuth2 client secret; never printed by {@link #toString()}
     * @param key extra key some providers need; usually empty
     * @param settings per-app settings (JSON object); they override {@code social_providers}
     * @param sites site domains this app serves; an app with no site is unusable
     */
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

    /**
     * A builder of an app of this provider; every other part starts empty.
     *
     * @param provider the provider id, e.g. {@code keycloak}
     * @return a new builder
     */
    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    /**
     * A builder that starts from this app's parts, to derive a changed copy.
     *
     * @return a builder holding every part of this app, id included
     */
    public Builder toBuilder() {
        return new Builder(provider).id(id).providerId(providerId).name(name).clientId(clientId).secret(secret)
                .key(key).settings(settings).sites(sites);
    }

    /**
     * The id used in URLs and for settings look-up: {@link #providerId} when set, else {@link #provider}.
     *
     * @return the route id, never empty for a valid app
     */
    public String routeId() {
        return providerId.isEmpty() ? provider : providerId;
    }

    /**
     * True when the app's settings mark it {@code "hidden": true} (kept, but not offered as a login button).
     *
     * @return whether the app is hidden from the login page
     */
    public boolean hidden() {
        return Boolean.TRUE.equals(settings.get("hidden"));
    }

    /**
     * A copy with the id a store assigned; stores use it when they save a new app.
     *
     * @param newId the store-assigned id
     * @return this app with {@code newId}
     */
    public SocialApp withId(String newId) {
        return new SocialApp(newId, provider, providerId, name, clientId, secret, key, settings, sites);
    }

    /**
     * A copy with another client secret, e.g. after a store decrypted the stored one.
     *
     * @param newSecret the client secret
     * @return this app with {@code newSecret}
     */
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

    /**
     * The parts of a {@link SocialApp}, set by name. Not thread-safe; {@link #build} may be called again.
     *
     * <pre>{@code
     * SocialApp github = SocialApp.builder("github").name("GitHub").clientId("Iv1.abc").secret(secret)
     *         .sites("localhost").build();
     * }</pre>
     */
    public static final class Builder {
        private final String provider;
        private String id;
        private String providerId = "";
        private String name = "";
        private String clientId = "";
        private String secret = "";
        private String key = "";
        private Map<String, Object> settings = Map.of();
        private Set<String> sites = Set.of();

        private Builder(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        /**
         * The store-assigned id, for an app that is saved already; none for a new app.
         *
         * @param id the store-assigned id, or {@code null}
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * The instance id of a provider with several instances ({@code openid_connect}).
         *
         * @param providerId the instance id; empty for a provider with one instance
         * @return this builder
         */
        public Builder providerId(String providerId) {
            this.providerId = providerId;
            return this;
        }

        /**
         * The display name; it also selects the custom settings given for it in {@code social_providers}.
         *
         * @param name the display name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The OAuth2 client id registered at the IdP.
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * The OAuth2 client secret; never printed by {@link SocialApp#toString()}.
         *
         * @param secret the client secret; empty for a public client
         * @return this builder
         */
        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        /**
         * The extra key some providers need; usually left empty.
         *
         * @param key the key
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * The per-app settings (JSON object); they override {@code social_providers}.
         *
         * @param settings the settings; {@code null} is empty
         * @return this builder
         */
        public Builder settings(Map<String, ?> settings) {
            this.settings = Frozen.map(settings);
            return this;
        }

        /**
         * The site domains this app serves (replacing any set before).
         *
         * @param sites the domains; {@code null} is none
         * @return this builder
         */
        public Builder sites(Set<String> sites) {
            this.sites = sites == null ? Set.of() : Set.copyOf(sites);
            return this;
        }

        /**
         * The site domains this app serves (replacing any set before).
         *
         * @param sites the domains, e.g. {@code "sso.example.com"}
         * @return this builder
         */
        public Builder sites(String... sites) {
            return sites(Set.copyOf(Arrays.asList(sites)));
        }

        /**
         * The app with the parts set so far.
         *
         * @return a new, immutable app
         * @throws NullPointerException when the builder's provider is null
         */
        public SocialApp build() {
            return new SocialApp(id, provider, providerId, name, clientId, secret, key, settings, sites);
        }
    }
}
