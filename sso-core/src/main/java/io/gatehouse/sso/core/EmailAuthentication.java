package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.ProviderSettings;
import io.gatehouse.sso.core.settings.LoginSettings;

/**
 * Whether an identity the store does not know yet may sign in as the existing user whose email it asserts
 * (verified), and whether it is then linked to that user. Two switches decide, each enough to sign in:
 * django-allauth's per-provider {@code EMAIL_AUTHENTICATION} (with {@code EMAIL_AUTHENTICATION_AUTO_CONNECT}
 * to link as well; without it the user signs in and the identity stays unlinked, as in allauth) and Gatehouse's
 * live login setting {@code LOGIN_SSO_LINK_BY_EMAIL} (which always links).
 *
 * @param signIn sign in as the user with the same verified email
 * @param link   link the identity to that user as well, so later logins find it by its uid
 */
record EmailAuthentication(boolean signIn, boolean link) {

    static EmailAuthentication of(ProviderSettings appSettings, LoginSettings settings) {
        boolean byProvider = appSettings.bool("EMAIL_AUTHENTICATION", false);
        boolean autoConnect = appSettings.bool("EMAIL_AUTHENTICATION_AUTO_CONNECT", false);
        boolean bySetting = settings.linkByEmail();
        return new EmailAuthentication(byProvider || bySetting, bySetting || (byProvider && autoConnect));
    }

    /** Why an identity was not signed in by email when both switches are off. */
    static String offReason() {
        return "linking by email is off (LOGIN_SSO_LINK_BY_EMAIL, or the provider setting EMAIL_AUTHENTICATION)";
    }
}
