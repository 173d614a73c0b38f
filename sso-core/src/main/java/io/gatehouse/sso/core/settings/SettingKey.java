package io.gatehouse.sso.core.settings;

/**
 * The live login settings, with InvenTree's names and defaults.
 *
 * <pre>{@code
 * SettingKey.LOGIN_ENABLE_SSO.defaultValue(); // "false"
 * }</pre>
 */
public enum SettingKey {
    /** Whether single sign-on is on at all; off, every SSO route answers {@code sso_disabled}. */
    LOGIN_ENABLE_SSO("false", "Enable SSO: allow single sign-on for user login"),
    /** Whether SSO may create new users; off, an unlinked identity is refused ({@code signup_closed}). */
    LOGIN_ENABLE_SSO_REG("false", "Enable SSO registration: allow users to self-register with SSO"),
    /** Whether a new user is created from the IdP's details directly; off, the user fills a sign-up form first. */
    LOGIN_SIGNUP_SSO_AUTO("true", "Auto-fill SSO users: fill in user details from the SSO account data"),
    /** The email domains new users may have, e.g. {@code @example.com,@example.org}; empty for any. */
    LOGIN_SIGNUP_MAIL_RESTRICTION("", "Allowed domains: restrict sign-up to these email domains, e.g. @example.com,@example.org"),
    /** Whether a new identity whose IdP-verified email matches an existing user is linked to that user. */
    LOGIN_SSO_LINK_BY_EMAIL("false", "Link an SSO identity to an existing user with the same email, when the IdP marks the email verified"),
    /** Whether local groups follow the IdP's groups at each sign-in (the {@code sso-groupsync} module). */
    LOGIN_ENABLE_SSO_GROUP_SYNC("false", "Enable SSO group sync: synchronise local groups with groups provided by the IdP"),
    /** The claim holding the IdP's groups; dotted for a nested claim ({@code realm_access.roles}). */
    SSO_GROUP_KEY("groups", "SSO group key: the claim holding the groups, e.g. groups or roles (dotted for nested: realm_access.roles)"),
    /** A JSON object from IdP group to local group; only mapped groups are synchronised. */
    SSO_GROUP_MAP("{}", "SSO group map: JSON object from IdP group to local group, e.g. {\"/inventree/admins\": \"admin\"}"),
    /** Whether group sync removes the user from mapped local groups the IdP no longer grants. */
    SSO_REMOVE_GROUPS("true", "Remove groups outside of SSO: remove local groups the IdP does not grant"),
    /** The local group every user created through SSO joins; empty for none. */
    SIGNUP_GROUP("", "Group to which new users are assigned on registration");

    private final String defaultValue;
    private final String description;

    SettingKey(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /**
     * The value that applies while an admin has not set one.
     *
     * @return the default as stored text
     */
    public String defaultValue() {
        return defaultValue;
    }

    /**
     * One line for an admin page: the setting's title and what it does.
     *
     * @return the description
     */
    public String description() {
        return description;
    }
}
