package io.gatehouse.sso.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.core.i18n.Message;
import io.gatehouse.sso.spi.SocialApp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the admin typed into the social application form, checked. The secret and the key are write-only:
 * never shown again, and left empty on an edit they keep the stored value ("remove" clears it).
 *
 * @param provider     provider id, e.g. {@code openid_connect}
 * @param providerId   the sub-id of one {@code openid_connect} IdP among several (it becomes the id in the URLs)
 * @param name         display name
 * @param clientId     OAuth2 client id
 * @param secret       a new client secret, or empty to keep the stored one
 * @param removeSecret whether to clear the stored secret
 * @param key          a new key, or empty to keep the stored one
 * @param removeKey    whether to clear the stored key
 * @param settingsJson the settings as typed (a JSON object)
 * @param sitesText    the sites as typed (comma or white-space separated)
 * @param errors       problem by field name; empty when the form is usable
 */
record AppForm(String provider, String providerId, String name, String clientId, String secret, boolean removeSecret,
               String key, boolean removeKey, String settingsJson, String sitesText, Map<String, Message> errors) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROUTE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern SITE = Pattern.compile("\\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\\d{1,5})?");

    AppForm {
        errors = Map.copyOf(errors);
    }

    /** The form of a stored app: its values, with secret and key left empty. */
    static AppForm of(SocialApp app) {
        String settings;
        try {
            settings = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(app.settings());
        } catch (JsonProcessingException e) {
            settings = "{}";
        }
        return new AppForm(app.provider(), app.providerId(), app.name(), app.clientId(), "", false, "", false, settings,
                String.join(", ", app.sites()), Map.of());
    }

    static AppForm blank() {
        return new AppForm("", "", "", "", "", false, "", false, "{}", "", Map.of());
    }

    /** Reads and checks the submitted fields against the provider ids the application can use. */
    static AppForm read(Function<String, String> param, List<String> providers) {
        String provider = trimmed(param.apply("provider"));
        String providerId = trimmed(param.apply("provider_id"));
        String settings = trimmed(param.apply("settings"));
        String sites = trimmed(param.apply("sites"));
        Map<String, Message> errors = new LinkedHashMap<>();
        if (!providers.contains(provider)) {
            errors.put("provider", Message.of("admin.app.error.provider", String.join(", ", providers)));
        }
        if (!providerId.isEmpty() && !ROUTE_ID.matcher(providerId).matches()) {
            errors.put("provider_id", Message.of("admin.app.error.provider_id"));
        } else if (!providerId.isEmpty() && providers.contains(providerId) && !providerId.equals(provider)) {
            errors.put("provider_id", Message.of("admin.app.error.provider_id_taken", providerId));
        }
        String name = trimmed(param.apply("name"));
        if (name.isEmpty()) {
            errors.put("name", Message.of("admin.app.error.name"));
        }
        String clientId = trimmed(param.apply("client_id"));
        if (clientId.isEmpty()) {
            errors.put("client_id", Message.of("admin.app.error.client_id"));
        }
        if (parseSettings(settings).isEmpty()) {
            errors.put("settings", Message.of("admin.app.error.settings"));
        }
        Set<String> siteSet = parseSites(sites);
        if (siteSet.isEmpty()) {
            errors.put("sites", Message.of("admin.app.error.sites_missing"));
        } else if (!siteSet.stream().allMatch(s -> SITE.matcher(s).matches())) {
            errors.put("sites", Message.of("admin.app.error.sites_invalid"));
        }
        return new AppForm(provider, providerId, name, clientId, Optional.ofNullable(param.apply("secret")).orElse(""),
                param.apply("remove_secret") != null, Optional.ofNullable(param.apply("key")).orElse(""),
                param.apply("remove_key") != null, settings.isEmpty() ? "{}" : settings, sites, errors);
    }

    /** The app to store; only for a form without errors. */
    SocialApp toApp(SocialApp existing) {
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
        try {
            JsonNode node = JSON.readTree(text == null || text.isBlank() ? "{}" : text);
            return node != null && node.isObject()
                    ? Optional.of(JSON.convertValue(node, new TypeReference<Map<String, Object>>() { })) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Set<String> parseSites(String text) {
        Set<String> sites = new LinkedHashSet<>();
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("[,\\s]+")).filter(s -> !s.isEmpty()).forEach(sites::add);
        return sites;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public String toString() {
        // never the secret or the key
        return "AppForm[provider=" + provider + ", providerId=" + providerId + ", name=" + name + ", clientId=" + clientId
                + ", errors=" + errors.keySet() + "]";
    }
}
