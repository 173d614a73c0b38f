package io.gatehouse.sso.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.spi.SettingsSource;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A typed, validated view of the live login settings. Every getter re-reads the {@link SettingsSource}
 * (an admin may change a setting at any time); an unusable stored value throws
 * {@link InvalidSettingException} naming the key. {@link #validate} lets an admin screen check a value
 * before saving it.
 *
 * <pre>{@code
 * LoginSettings settings = new LoginSettings(settingsSource);
 * if (settings.ssoEnabled() && settings.registrationEnabled()) { ... }
 * LoginSettings.validate(SettingKey.SSO_GROUP_MAP, "{\"/inventree/admins\": \"admin\"}"); // ok
 * }</pre>
 */
public final class LoginSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SettingsSource source;

    /**
     * Settings read from this source at each call, so an admin's change applies to the next request.
     *
     * @param source the stored settings
     */
    public LoginSettings(SettingsSource source) {
        this.source = source;
    }

    /**
     * {@code LOGIN_ENABLE_SSO}: whether single sign-on is on at all.
     *
     * @return the setting; false by default
     */
    public boolean ssoEnabled() {
        return bool(SettingKey.LOGIN_ENABLE_SSO);
    }

    /**
     * {@code LOGIN_ENABLE_SSO_REG}: whether SSO may create new users.
     *
     * @return the setting; false by default
     */
    public boolean registrationEnabled() {
        return bool(SettingKey.LOGIN_ENABLE_SSO_REG);
    }

    /**
     * {@code LOGIN_SIGNUP_SSO_AUTO}: whether a new user's details come from the IdP without a sign-up form.
     *
     * @return the setting; true by default
     */
    public boolean autoFill() {
        return bool(SettingKey.LOGIN_SIGNUP_SSO_AUTO);
    }

    /**
     * {@code LOGIN_SSO_LINK_BY_EMAIL}: whether a new identity whose verified email matches an existing user links to
     * that user.
     *
     * @return the setting; false by default
     */
    public boolean linkByEmail() {
        return bool(SettingKey.LOGIN_SSO_LINK_BY_EMAIL);
    }

    /**
     * {@code LOGIN_SIGNUP_MAIL_RESTRICTION}: the email domains new users may have.
     *
     * @return the domains; {@link AllowedDomains#ANY} by default
     * @throws InvalidSettingException when the stored value is malformed
     */
    public AllowedDomains allowedDomains() {
        String raw = raw(SettingKey.LOGIN_SIGNUP_MAIL_RESTRICTION);
        try {
            return AllowedDomains.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(SettingKey.LOGIN_SIGNUP_MAIL_RESTRICTION, e.getMessage());
        }
    }

    /**
     * {@code LOGIN_ENABLE_SSO_GROUP_SYNC}: whether local groups follow the IdP's groups at each sign-in.
     *
     * @return the setting; false by default
     */
    public boolean groupSyncEnabled() {
        return bool(SettingKey.LOGIN_ENABLE_SSO_GROUP_SYNC);
    }

    /**
     * {@code SSO_GROUP_KEY}: the claim holding the groups, dotted for a nested claim ({@code realm_access.roles}).
     *
     * @return the claim name; {@code groups} by default
     * @throws InvalidSettingException when it is blank or malformed
     */
    public String groupKey() {
        String key = raw(SettingKey.SSO_GROUP_KEY).trim();
        if (key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            throw new InvalidSettingException(SettingKey.SSO_GROUP_KEY,
                    "must name a claim such as 'groups', 'roles' or 'realm_access.roles', not '" + key + "'");
        }
        return key;
    }

    /**
     * The IdP group to local group map, in the admin's order.
     *
     * @return the map; empty by default
     * @throws InvalidSettingException when the stored value is not a JSON object of strings
     */
    public Map<String, String> groupMap() {
        String raw = raw(SettingKey.SSO_GROUP_MAP);
        ParsedGroupMap last = lastGroupMap;
        if (last != null && last.raw().equals(raw)) {
            return last.map();
        }
        // parsed once per distinct value: a large map is read at every login, but changes rarely
        Map<String, String> map = parseGroupMap(raw);
        lastGroupMap = new ParsedGroupMap(raw, map);
        return map;
    }

    private record ParsedGroupMap(String raw, Map<String, String> map) {
    }

    private volatile ParsedGroupMap lastGroupMap;

    /**
     * {@code SSO_REMOVE_GROUPS}: whether group sync removes the user from mapped groups the IdP no longer grants.
     *
     * @return the setting; true by default
     */
    public boolean removeGroups() {
        return bool(SettingKey.SSO_REMOVE_GROUPS);
    }

    /**
     * The group every new SSO user joins, if set.
     *
     * @return the group name, or empty
     */
    public Optional<String> signupGroup() {
        return Optional.of(raw(SettingKey.SIGNUP_GROUP).trim()).filter(s -> !s.isEmpty());
    }

    /**
     * Checks a value an admin is about to save.
     *
     * @param key the setting
     * @param value the raw text
     * @throws InvalidSettingException naming the key and what is expected
     */
    public static void validate(SettingKey key, String value) {
        LoginSettings probe = new LoginSettings(k -> k.equals(key.name()) ? Optional.ofNullable(value) : Optional.empty());
        switch (key) {
            case LOGIN_SIGNUP_MAIL_RESTRICTION -> probe.allowedDomains();
            case SSO_GROUP_KEY -> probe.groupKey();
            case SSO_GROUP_MAP -> probe.groupMap();
            case SIGNUP_GROUP -> probe.signupGroup();
            default -> probe.bool(key);
        }
    }

    /**
     * Like {@link #validate} for a key given by name; unknown names are refused.
     *
     * @param key the setting's name
     * @param value the raw text
     */
    public static void validate(String key, String value) {
        SettingKey parsed;
        try {
            parsed = SettingKey.valueOf(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown login setting '" + key + "'");
        }
        validate(parsed, value);
    }

    private String raw(SettingKey key) {
        return source.get(key.name()).orElse(key.defaultValue());
    }

    private boolean bool(SettingKey key) {
        String value = raw(key).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidSettingException(key, "must be true or false, not '" + raw(key) + "'");
        };
    }

    private static Map<String, String> parseGroupMap(String raw) {
        JsonNode node;
        try {
            node = JSON.readTree(raw.isBlank() ? "{}" : raw);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingException(SettingKey.SSO_GROUP_MAP, "is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); expected an object such as {\"/inventree/admins\": \"admin\"}");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidSettingException(SettingKey.SSO_GROUP_MAP,
                    "must be a JSON object such as {\"/inventree/admins\": \"admin\"}, not " + (node == null ? "empty" : node.getNodeType()));
        }
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
                throw new InvalidSettingException(SettingKey.SSO_GROUP_MAP, "the value for '" + field.getKey()
                        + "' must be a local group name (a non-empty string), not " + field.getValue());
            }
            map.put(field.getKey(), field.getValue().asText().trim());
        }
        return Collections.unmodifiableMap(map);
    }
}
