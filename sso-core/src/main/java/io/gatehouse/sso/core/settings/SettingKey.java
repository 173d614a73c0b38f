package io.gatehouse.sso.core.settings;

/**
 * The live login settings, with InvenTree's names and defaults.
 *
 * <pre>{@code
 * SettingKey.LOGIN_ENABLE_SSO.defaultValue(); // "false"
 * }</pre>
 */
public enum SettingKey {
    LOGIN_ENABLE_SSO("false", "Enable SSO: allow single sign-on for user login"),
    LOGIN_ENABLE_SSO_REG("false", "Enable SSO registration: allow users to self-register with SSO"),
    LOGIN_SIGNUP_SSO_AUTO("true", "Auto-fill SSO users: fill in user details from the SSO account data"),
    LOGIN_SIGNUP_MAIL_RESTRICTION("", "Allowed domains: restrict sign-up to these email domains, e.g. @example.com,@example.org"),
    LOGIN_SSO_LINK_BY_EMAIL("false", "Link an SSO identity to an existing user with the same email, when the IdP marks the email verified"),
    LOGIN_ENABLE_SSO_GROUP_SYNC("false", "Enable SSO group sync: synchronise local groups with groups provided by the IdP"),
    SSO_GROUP_KEY("groups", "SSO group key: the claim holding the groups, e.g. groups or roles (dotted for nested: realm_access.roles)"),
    SSO_GROUP_MAP("{}", "SSO group map: JSON object from IdP group to local group, e.g. {\"/inventree/admins\": \"admin\"}"),
    SSO_REMOVE_GROUPS("true", "Remove groups outside of SSO: remove local groups the IdP does not grant"),
    SIGNUP_GROUP("", "Group to which new users are assigned on registration");

    private final String defaultValue;
    private final String description;

    SettingKey(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
