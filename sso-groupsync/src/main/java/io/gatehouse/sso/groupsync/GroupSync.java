package io.gatehouse.sso.groupsync;

import io.gatehouse.sso.core.FailureLog;
import io.gatehouse.sso.core.LoginEvent;
import io.gatehouse.sso.core.LoginListener;
import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.GroupChange;
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.SettingsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Synchronises a user's local groups with the groups the identity provider sends, at every SSO login
 * (InvenTree's "SSO group sync"). Register it as a {@link LoginListener} of the login engine.
 *
 * <p>With {@code LOGIN_ENABLE_SSO_GROUP_SYNC} on, each login reads the claim named by {@code SSO_GROUP_KEY}
 * (see {@link GroupClaim} for arrays, strings and dotted keys), maps it through {@code SSO_GROUP_MAP}
 * ({@link GroupMap}: exact, case-sensitive names; unmapped IdP groups are ignored), adds the user to every
 * mapped group (creating missing groups without permissions) and, with {@code SSO_REMOVE_GROUPS} on,
 * removes the user from every other group except the {@code SIGNUP_GROUP}. All of it is one atomic
 * {@link GroupStore#apply} call; a login whose groups already match makes no write at all.
 *
 * <p>Unlike InvenTree it is fail-safe: a missing or malformed claim, an invalid map or setting, or a failing
 * store changes nothing, writes an error-log record saying what is wrong and how to fix it, and lets the
 * login succeed. An empty array the IdP did send is a real answer and removes groups.
 *
 * <p>Thread-safe; settings are read at each login, so an admin's change applies to the next one.
 *
 * <pre>{@code
 * GroupSync groupSync = new GroupSync(groupStore, settingsSource, errorLog, Clock.systemUTC());
 * LoginEngine engine = LoginEngine.builder(config)
 *         .apps(apps).accounts(accounts).users(users).settings(settingsSource).errorLog(errorLog)
 *         .listener(groupSync)
 *         .build();
 * }</pre>
 */
public final class GroupSync implements LoginListener {
    private static final Logger LOG = LoggerFactory.getLogger(GroupSync.class);
    private static final String KEYCLOAK_RECIPE = "Keycloak: create a client scope 'groups', add a mapper "
            + "'By Configuration' > 'Group Membership' with token claim name 'groups', and add the scope to this client";
    private static final String KEYCLOAK_ROLES_RECIPE = "Keycloak: in the client scope 'roles', turn on 'Add to ID token' "
            + "(or 'Add to userinfo') for the 'realm roles' / 'client roles' mapper, and make sure the scope is assigned to this client";

    private final GroupStore groups;
    private final LoginSettings settings;
    private final FailureLog failures;

    /**
     * A group sync over the host's groups and the live login settings; problems go to the error log.
     *
     * @param groups the local groups and memberships
     * @param settings the live login settings ({@code LOGIN_ENABLE_SSO_GROUP_SYNC}, {@code SSO_GROUP_KEY}, ...)
     * @param errorLog where problems are recorded for the admin
     * @param clock the time of error-log records
     */
    public GroupSync(GroupStore groups, SettingsSource settings, ErrorLog errorLog, Clock clock) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.settings = new LoginSettings(Objects.requireNonNull(settings, "settings"));
        this.failures = new FailureLog(Objects.requireNonNull(errorLog, "errorLog"), Objects.requireNonNull(clock, "clock"));
    }

    /** Runs {@link #sync}; never throws, so a group problem never fails a login. */
    @Override
    public void onLogin(LoginEvent event) {
        try {
            sync(event);
        } catch (RuntimeException e) {
            // sync handles every expected failure itself; this only guards against a bug turning into a failed login
            LOG.error("SSO group sync for user {} failed unexpectedly; groups unchanged: {}", userId(event), e.toString());
        }
    }

    /**
     * Synchronises the groups of {@code event}'s user with the groups in its profile's claims.
     *
     * @param event the sign-in that just happened
     * @return what was done; a problem status means nothing changed and an error-log record was written
     */
    public GroupSyncOutcome sync(LoginEvent event) {
        Objects.requireNonNull(event, "event");
        String userId = userId(event);
        String data = "provider=" + event.providerId() + " user=" + userId;
        String path = event.path();

        String key;
        GroupMap map;
        boolean remove;
        String signupGroup;
        try {
            if (!settings.groupSyncEnabled() || !appTakesPart(event)) {
                return GroupSyncOutcome.disabled();
            }
            key = settings.groupKey();
            map = new GroupMap(settings.groupMap());
            remove = settings.removeGroups();
            signupGroup = settings.signupGroup().orElse(null);
        } catch (InvalidSettingException e) {
            GroupSyncStatus status = e.key() == SettingKey.SSO_GROUP_MAP ? GroupSyncStatus.MAP_INVALID : GroupSyncStatus.SETTING_INVALID;
            String example = e.key() == SettingKey.SSO_GROUP_MAP ? ", e.g. {\"/inventree/admins\": \"admin\"}" : "";
            return problem(status, "SSO group sync skipped for user " + userId + ": " + e.getMessage()
                    + ". Nothing was changed. Fix " + e.key().name() + " in the login settings" + example + ".",
                    data + " setting=" + e.key().name(), path);
        }

        Map<String, Object> claims = event.profile() == null ? Map.of() : event.profile().claims();
        GroupClaim claim = GroupClaim.read(claims, key);
        if (claim instanceof GroupClaim.Missing missing) {
            return problem(GroupSyncStatus.CLAIM_MISSING, "SSO group sync is on, but " + missing.reason() + " (SSO_GROUP_KEY is '"
                    + key + "'), so the groups of user " + userId + " were not changed. Make the identity provider send the "
                    + "claim (" + recipeFor(key) + "), or set SSO_GROUP_KEY to the claim that holds the groups, "
                    + "e.g. 'groups', 'roles' or 'realm_access.roles'.",
                    data + " key=" + key + " present_claims=" + missing.presentKeys(), path);
        }
        if (claim instanceof GroupClaim.Invalid invalid) {
            return problem(GroupSyncStatus.CLAIM_INVALID, "SSO group sync skipped for user " + userId + ": " + invalid.reason()
                    + " (SSO_GROUP_KEY is '" + key + "'), but group sync needs an array of group names or a single group "
                    + "name. Nothing was changed. Configure the identity provider to send group names as strings ("
                    + recipeFor(key) + "), or point SSO_GROUP_KEY at the claim that holds them.",
                    data + " key=" + key, path);
        }

        Set<String> granted = map.localGroupsFor(((GroupClaim.Found) claim).groups());
        try {
            Set<String> current = groups.groupNamesOf(userId);
            Set<String> toRemove = new HashSet<>();
            if (remove) {
                for (String group : current) {
                    // the signup group is a local grant, not an IdP one: keep it (see "SSO group sync" in README.md)
                    if (!granted.contains(group) && !group.equals(signupGroup)) {
                        toRemove.add(group);
                    }
                }
            }
            GroupChange change = current.containsAll(granted) && toRemove.isEmpty()
                    ? GroupChange.NONE
                    : groups.apply(userId, granted, toRemove);
            GroupSyncOutcome outcome = GroupSyncOutcome.applied(granted, change);
            // the granted set can hold thousands of names: log its size, and the names only of what changed
            LOG.info("SSO group sync for user {} via {}: {} granted, added {}, created {}, removed {}", userId,
                    event.providerId(), outcome.granted().size(), outcome.added(), outcome.created(), outcome.removed());
            return outcome;
        } catch (RuntimeException e) {
            return problem(GroupSyncStatus.STORE_FAILED, "SSO group sync for user " + userId + " could not be stored ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "). The change is atomic, so nothing was changed; "
                    + "the next login tries again.", data, path);
        }
    }

    private GroupSyncOutcome problem(GroupSyncStatus status, String info, String data, String path) {
        failures.record(status.errorKind(), info, data, path, List.of());
        return GroupSyncOutcome.problem(status);
    }

    /** Keycloak puts roles, not groups, under realm_access / resource_access; point the admin at the right mapper. */
    private static String recipeFor(String key) {
        return key.startsWith("realm_access.") || key.startsWith("resource_access.") ? KEYCLOAK_ROLES_RECIPE : KEYCLOAK_RECIPE;
    }

    private static String userId(LoginEvent event) {
        return event == null || event.user() == null ? "(unknown)" : event.user().id();
    }

    /**
     * An app whose IdP sends no groups (GitHub next to a Keycloak, say) opts out with {@code "group_sync": false}
     * in its settings; without it every login through that app would log a missing claim.
     */
    private static boolean appTakesPart(LoginEvent event) {
        try {
            return event.appSettings().bool("group_sync", true);
        } catch (IllegalArgumentException e) {
            // a malformed switch must not silently turn sync off: treat it as on, so problems stay visible
            return true;
        }
    }
}
