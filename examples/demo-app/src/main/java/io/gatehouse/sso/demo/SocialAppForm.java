package io.gatehouse.sso.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.spi.SocialApp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the admin typed into the social application form, checked. The secret and the key are write-only:
 * they are never shown again, and left empty on an edit they keep the stored value ("remove" clears it).
 *
 * <pre>{@code
 * SocialAppForm form = SocialAppForm.read(request::getParameter, providers);
 * if (form.errors().isEmpty()) {
 *     apps.save(form.toApp(existing));
 * }
 * }</pre>
 *
 * @param provider     provider id, e.g. {@code openid_connect}
 * @param providerId   the sub-id of one {@code openid_connect} IdP among several (it becomes the id in the URLs)
 * @param name         display name (and the key of per-name settings in {@code social_providers})
 * @param clientId     OAuth2 client id
 * @param secret       a new client secret, or empty to keep the stored one
 * @param removeSecret whether to clear the stored secret
 * @param key          a new key, or empty to keep the stored one
 * @param removeKey    whether to clear the stored key
 * @param settingsJson the settings as typed (a JSON object)
 * @param sitesText    the sites as typed (comma or white-space separated)
 * @param errors       problem by field name; empty when the form is usable
 */
public record SocialAppForm(String provider, String providerId, String name, String clientId, String secret,
                            boolean removeSecret, String key, boolean removeKey, String settingsJson, String sitesText,
                            Map<String, String> errors) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROUTE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern SITE = Pattern.compile("\\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\\d{1,5})?");

    public SocialAppForm {
        errors = Map.copyOf(errors);
    }

    /** The form for an app that is being edited: its current values, with secret and key left empty. */
    public static SocialAppForm of(SocialApp app) {
        String settings;
        try {
            settings = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(app.settings());
        } catch (JsonProcessingException e) {
            settings = "{}";
        }
        return new SocialAppForm(app.provider(), app.providerId(), app.name(), app.clientId(), "", false, "", false,
                settings, String.join(", ", app.sites()), Map.of());
    }

    /** An empty form for a new app, for the site {@code localhost}. */
    public static SocialAppForm blank() {
        return new SocialAppForm("", "", "", "", "", false, "", false, "{}", "localhost", Map.of());
    }

    /**
     * Reads and checks the submitted fields.
     *
     * @param param     a form field by name (null when absent)
     * @param providers the provider ids the application can use
     */
    public static SocialAppForm read(Function<String, String> param, List<String> providers) {
        String provider = trimmed(param.apply("provider"));
        String providerId = trimmed(param.apply("provider_id"));
        String name = trimmed(param.apply("name"));
        String clientId = trimmed(param.apply("client_id"));
        String secret = Optional.ofNullable(param.apply("secret")).orElse("");
        String key = Optional.ofNullable(param.apply("key")).orElse("");
        String settings = trimmed(param.apply("settings"));
        String sites = trimmed(param.apply("sites"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!providers.contains(provider)) {
            errors.put("provider", "Choose one of: " + String.join(", ", providers) + ".");
        }
        if (!providerId.isEmpty() && !ROUTE_ID.matcher(providerId).matches()) {
            errors.put("provider_id", "Use up to 40 lower-case letters, digits, _ and -, starting with a letter or digit; "
                    + "it becomes part of the URLs (/accounts/<provider id>/login/).");
        } else if (!providerId.isEmpty() && providers.contains(providerId) && !providerId.equals(provider)) {
            errors.put("provider_id", "'" + providerId + "' is the id of another provider; choose a different one.");
        }
        if (name.isEmpty()) {
            errors.put("name", "Give the application a name (it labels the login button).");
        }
        if (clientId.isEmpty()) {
            errors.put("client_id", "Enter the client id the identity provider issued.");
        }
        parseSettings(settings).ifPresentOrElse(m -> { }, () -> errors.put("settings",
                "Enter a JSON object, e.g. {\"server_url\": \"https://idp.example.com/realms/demo\"}, or {} for none."));
        Set<String> siteSet = parseSites(sites);
        if (siteSet.isEmpty()) {
            errors.put("sites", "Assign at least one site (e.g. localhost): an application without a site cannot be used.");
        } else if (!siteSet.stream().allMatch(s -> SITE.matcher(s).matches())) {
            errors.put("sites", "Sites are host names with an optional port, e.g. localhost or sso.example.com:8443 (or * for all).");
        }
        return new SocialAppForm(provider, providerId, name, clientId, secret, param.apply("remove_secret") != null, key,
                param.apply("remove_key") != null, settings.isEmpty() ? "{}" : settings, sites, errors);
    }

    /**
     * The app to store. Only valid for a form without errors.
     *
     * @param existing the stored app being edited, or null for a new one
     */
    public SocialApp toApp(SocialApp existing) {
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the form has errors: " + errors.keySet());
        }
        String keptSecret = existing == null || removeSecret ? "" : existing.secret();
        String keptKey = existing == null || removeKey ? "" : existing.key();
        return SocialApp.builder(provider).id(existing == null ? null : existing.id()).providerId(providerId).name(name)
                .clientId(clientId).secret(secret.isEmpty() ? keptSecret : secret).key(key.isEmpty() ? keptKey : key)
                .settings(parseSettings(settingsJson).orElseThrow()).sites(parseSites(sitesText)).build();
    }

    private static Optional<Map<String, Object>> parseSettings(String text) {
        String json = text == null || text.isBlank() ? "{}" : text;
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            return Optional.of(JSON.convertValue(node, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Set<String> parseSites(String text) {
        Set<String> sites = new LinkedHashSet<>();
        Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("[,\\s]+"))
                .filter(s -> !s.isEmpty()).forEach(sites::add);
        return sites;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public String toString() {
        // never the secret or the key
        return "SocialAppForm[provider=" + provider + ", providerId=" + providerId + ", name=" + name
                + ", clientId=" + clientId + ", errors=" + errors.keySet() + "]";
    }
}
