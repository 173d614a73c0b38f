package io.gatehouse.sso.core.diagnostics;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.i18n.Message;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.spi.SocialAccount;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For Keycloak: whether the group claim group sync reads ({@code SSO_GROUP_KEY}) will be there. Keycloak sends
 * groups only through a "Group Membership" mapper, which no discovery document shows; the newest sign-in through
 * this application tells for sure, and before anyone signed in the requested and offered scopes hint at it.
 */
final class GroupsClaimCheck {
    static final String ID = "groups_claim";

    private GroupsClaimCheck() {
    }

    /**
     * @param groupKey      the claim group sync reads, e.g. {@code groups} or {@code realm_access.roles}
     * @param groupSyncOn   whether group sync is on (a missing claim then fails sign-ins' groups, else it only warns)
     * @param recentSignIns links of this application's route id
     */
    static CheckResult check(ProviderContext context, OIDCProviderMetadata md, String groupKey, boolean groupSyncOn,
                             List<SocialAccount> recentSignIns) {
        Optional<SocialAccount> newest = recentSignIns.stream().filter(a -> a.lastLogin() != null)
                .max(Comparator.comparing(SocialAccount::lastLogin));
        if (newest.isPresent()) {
            if (claim(newest.get().extraData(), groupKey).isPresent()) {
                return CheckResult.pass(ID, Message.of("check.groups_claim.seen", groupKey));
            }
            return missing(Message.of("check.groups_claim.missing", groupKey), groupKey, groupSyncOn);
        }
        boolean requested = context.settings().scopesOr(List.of()).contains("groups");
        boolean offered = md.getScopes() != null && md.getScopes().contains("groups");
        if (requested && offered) {
            return CheckResult.pass(ID, Message.of("check.groups_claim.scope", groupKey));
        }
        return CheckResult.warn(ID, Message.of("check.groups_claim.unknown", groupKey),
                Message.of("check.groups_claim.fix", groupKey));
    }

    private static CheckResult missing(Message summary, String groupKey, boolean groupSyncOn) {
        Message fix = Message.of("check.groups_claim.fix", groupKey);
        return groupSyncOn ? CheckResult.fail(ID, summary, fix) : CheckResult.warn(ID, summary, fix);
    }

    /** A claim by a dotted path, as group sync reads it ({@code realm_access.roles}). */
    @SuppressWarnings("unchecked")
    private static Optional<Object> claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = ((Map<String, Object>) map).get(part);
        }
        return Optional.ofNullable(current);
    }
}
