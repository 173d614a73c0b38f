package io.gatehouse.sso.inventree;

import io.gatehouse.sso.inventree.ImportReport.Kind;
import io.gatehouse.sso.spi.IdentityLinkedElsewhereException;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.PersistenceException;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.RegistrationResult;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports each Django user that has social accounts, all or nothing: its identities (same provider and uid, extra
 * data, tokens), its group memberships, and the user itself unless Gatehouse has it already (one of its identities
 * is linked there, or a user of the same username and email exists). Every row is checked first; a user with a row
 * that cannot be imported (a provider without module, a duplicate identity, {@code extra_data} that is not a JSON
 * object, a clash with Gatehouse's users) is reported and left out entirely, and the others are imported.
 */
final class UserImport {
    private final ImportTarget target;
    private final ProviderModules modules;
    private final ImportOptions options;
    private final Instant now;

    UserImport(ImportTarget target, ProviderModules modules, ImportOptions options, Instant now) {
        this.target = target;
        this.modules = modules;
        this.options = options;
        this.now = now;
    }

    void run(AllauthData data, ImportReport.Lines lines) {
        Map<String, String> backendOfRoute = new HashMap<>();
        data.apps().stream().filter(a -> !a.providerId().isEmpty()).forEach(a -> backendOfRoute.put(a.providerId(), a.provider()));
        Map<String, List<SourceAccount>> byIdentity = new HashMap<>();
        Map<Long, List<SourceAccount>> byUser = new HashMap<>();
        for (SourceAccount a : data.accounts()) {
            byIdentity.computeIfAbsent(a.provider() + "\u0000" + a.uid(), k -> new ArrayList<>()).add(a);
            byUser.computeIfAbsent(a.userId(), k -> new ArrayList<>()).add(a);
        }
        for (DjangoUser user : data.users()) {
            UserPlan plan = plan(user, byUser.getOrDefault(user.id(), List.of()), backendOfRoute, byIdentity);
            apply(plan, lines);
        }
    }

    private UserPlan plan(DjangoUser user, List<SourceAccount> accounts, Map<String, String> backendOfRoute,
                          Map<String, List<SourceAccount>> byIdentity) {
        List<String> problems = new ArrayList<>();
        List<IdentitySignIn> unlinked = new ArrayList<>();
        Set<String> linkedTo = new TreeSet<>();
        for (SourceAccount a : accounts) {
            Optional<IdentitySignIn> signIn = signIn(a, backendOfRoute, byIdentity, problems);
            if (signIn.isPresent()) {
                Optional<SocialAccount> linked = target.accounts().find(a.provider(), a.uid());
                linked.ifPresentOrElse(l -> linkedTo.add(l.userId()), () -> unlinked.add(signIn.get()));
            }
        }
        if (linkedTo.size() > 1) {
            problems.add("its identities are linked to different Gatehouse users " + linkedTo);
        }
        if (!problems.isEmpty()) {
            return UserPlan.refused(user, problems);
        }
        Optional<User> existing = linkedTo.isEmpty() ? target.users().findByUsername(user.username())
                : target.users().findById(linkedTo.iterator().next());
        if (linkedTo.isEmpty() && existing.isPresent() && !existing.get().email().equalsIgnoreCase(user.email())) {
            return UserPlan.refused(user, List.of("Gatehouse has a user '" + user.username() + "' (id " + existing.get().id()
                    + ") with another email, so they are not taken for the same person"));
        }
        Set<String> groups = new TreeSet<>(user.groups());
        existing.ifPresent(u -> groups.removeAll(target.groups().groupNamesOf(u.id())));
        return new UserPlan(user, existing, unlinked, groups, List.of());
    }

    /** The row as Gatehouse stores it, or empty (with the reason added to {@code problems}). */
    private Optional<IdentitySignIn> signIn(SourceAccount a, Map<String, String> backendOfRoute,
                                            Map<String, List<SourceAccount>> byIdentity, List<String> problems) {
        String backend = backendOfRoute.getOrDefault(a.provider(), a.provider());
        if (!modules.has(backend)) {
            problems.add(a.label() + ": " + modules.missing(backend));
            return Optional.empty();
        }
        if (a.uid().isBlank()) {
            problems.add(a.label() + ": its uid is empty");
            return Optional.empty();
        }
        List<SourceAccount> same = byIdentity.get(a.provider() + "\u0000" + a.uid());
        if (same.size() > 1) {
            problems.add(a.label() + ": the same provider and uid is also on socialaccount "
                    + same.stream().filter(o -> o != a).map(o -> o.id() + " (auth_user " + o.userId() + ")").toList()
                    + "; an identity can belong to one user only");
            return Optional.empty();
        }
        try {
            Map<String, Object> extra = JsonObjectColumn.parse("extra_data", a.extraData(), false);
            return Optional.of(new IdentitySignIn(a.provider(), a.uid(), extra, a.token(), a.seen(now)));
        } catch (IllegalArgumentException e) {
            problems.add(a.label() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private void apply(UserPlan plan, ImportReport.Lines lines) {
        String subject = plan.user().label();
        if (!plan.problems().isEmpty()) {
            lines.add(Kind.NOT_IMPORTED, subject, String.join("; ", plan.problems()));
            return;
        }
        if (plan.unchanged()) {
            lines.add(Kind.UNCHANGED, subject, "Gatehouse user '" + plan.existing().get().username() + "' (id "
                    + plan.existing().get().id() + ") has its identities and groups");
            return;
        }
        try {
            if (!options.dryRun()) {
                write(plan);
            }
            lines.add(plan.existing().isPresent() ? Kind.UPDATED : Kind.CREATED, subject, plan.describe());
        } catch (PersistenceException e) {
            lines.add(Kind.NOT_IMPORTED, subject, "writing it failed (" + e.getMessage() + "); what was written stays,"
                    + " and running the import again completes it");
        }
    }

    private void write(UserPlan plan) {
        List<IdentitySignIn> toLink = plan.toLink();
        String userId;
        if (plan.existing().isPresent()) {
            userId = plan.existing().get().id();
        } else {
            // the user, its first identity (with its token) and its groups in one transaction
            RegistrationResult created = target.users().register(new Registration(plan.user().draft(), toLink.get(0),
                    plan.newGroups()));
            if (!created.created()) {
                throw new IdentityLinkedElsewhereException(toLink.get(0).provider(), toLink.get(0).uid());
            }
            userId = created.user().id();
            toLink = toLink.subList(1, toLink.size());
        }
        for (IdentitySignIn signIn : toLink) {
            target.accounts().link(userId, signIn);
        }
        if (plan.existing().isPresent() && !plan.newGroups().isEmpty()) {
            target.groups().apply(userId, plan.newGroups(), Set.of());
        }
    }
}
