package io.gatehouse.sso.groupsync;

/**
 * How one group sync ended. Every status but {@link #APPLIED} and {@link #DISABLED} is a problem that
 * left the user's groups untouched and wrote an error-log record of {@link #errorKind()}.
 *
 * <pre>{@code
 * if (outcome.status().isProblem()) {
 *     log.warn("see error log kind {}", outcome.status().errorKind());
 * }
 * }</pre>
 */
public enum GroupSyncStatus {
    /** {@code LOGIN_ENABLE_SSO_GROUP_SYNC} is off: nothing was read or changed. */
    DISABLED(""),
    /** The IdP's groups were applied (possibly changing nothing, when they already matched). */
    APPLIED(""),
    /** The login carried no groups claim under {@code SSO_GROUP_KEY}. */
    CLAIM_MISSING("sso.group_claim_missing"),
    /** The groups claim is not a string or an array of strings. */
    CLAIM_INVALID("sso.group_claim_invalid"),
    /** {@code SSO_GROUP_MAP} is not a JSON object of strings. */
    MAP_INVALID("sso.group_map_invalid"),
    /** Another group sync setting ({@code LOGIN_ENABLE_SSO_GROUP_SYNC}, {@code SSO_GROUP_KEY}, {@code SSO_REMOVE_GROUPS}) is unusable. */
    SETTING_INVALID("sso.group_setting_invalid"),
    /** The group store failed; its change is atomic, so nothing was changed. */
    STORE_FAILED("sso.group_sync_failed");

    private final String errorKind;

    GroupSyncStatus(String errorKind) {
        this.errorKind = errorKind;
    }

    /**
     * The error-log kind written for this status; empty for {@link #APPLIED} and {@link #DISABLED}.
     *
     * @return e.g. {@code sso.group_claim_missing}, or empty
     */
    public String errorKind() {
        return errorKind;
    }

    /**
     * Whether this status is a problem an admin should see (it has an error-log kind).
     *
     * @return true for every status but {@link #APPLIED} and {@link #DISABLED}
     */
    public boolean isProblem() {
        return !errorKind.isEmpty();
    }
}
