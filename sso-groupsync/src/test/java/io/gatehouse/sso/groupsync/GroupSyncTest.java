package io.gatehouse.sso.groupsync;

import io.gatehouse.sso.core.LoginEvent;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.ErrorQuery;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import io.gatehouse.sso.testkit.InMemorySettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class GroupSyncTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final String PATH = "auth:/accounts/keycloak/login/callback/";
    private static final AtomicLong UIDS = new AtomicLong();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private InMemoryIdentityStore store;
    private InMemorySettings settings;
    private InMemoryErrorLog errorLog;
    private GroupSync groupSync;

    @BeforeEach
    void setUp() {
        store = new InMemoryIdentityStore();
        errorLog = new InMemoryErrorLog();
        settings = new InMemorySettings(Map.of(
                "LOGIN_ENABLE_SSO_GROUP_SYNC", "true",
                "SSO_GROUP_KEY", "groups",
                "SSO_GROUP_MAP", "{\"/inventree/admins\": \"admin\", \"/inventree/staff\": \"staff\"}",
                "SSO_REMOVE_GROUPS", "true"));
        groupSync = new GroupSync(store, settings, errorLog, clock);
    }

    private User user(String... groups) {
        String uid = "uid-" + UIDS.incrementAndGet();
        return store.register(new Registration(new UserDraft("user" + uid, uid + "@example.com", "", "", true),
                new IdentitySignIn("keycloak", uid, Map.of(), null, NOW), Set.of(groups))).user();
    }

    private static LoginEvent login(User user, Map<String, Object> claims) {
        return new LoginEvent(user, "keycloak", new ProviderProfile("sub-" + user.id(), List.of(), "", "", "", claims), false, PATH);
    }

    private static Map<String, Object> groups(Object value) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "s");
        claims.put("email", "person@example.com");
        claims.put("groups", value);
        return claims;
    }

    private Set<String> groupsOf(User user) {
        return store.groupNamesOf(user.id());
    }

    private ErrorRecord onlyErrorRecord() {
        assertThat(errorLog.all()).hasSize(1);
        return errorLog.all().get(0);
    }

    // ---- disabled

    @Test
    void sync_off_touches_nothing() {
        settings.put("LOGIN_ENABLE_SSO_GROUP_SYNC", "false");
        User user = user("legacy");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/inventree/admins"))));

        assertThat(outcome).isEqualTo(GroupSyncOutcome.disabled());
        assertThat(groupsOf(user)).containsExactly("legacy");
        assertThat(store.listGroups()).extracting("name").containsExactly("legacy");
        assertThat(errorLog.all()).isEmpty();
    }

    @Test
    void an_app_with_group_sync_false_is_left_out_without_an_error_record() {
        User user = user("legacy");
        LoginEvent viaGitHub = new LoginEvent(user, "github", new ProviderProfile("42", List.of(), "", "", "", Map.of("login", "octo")),
                false, PATH, io.gatehouse.sso.core.provider.ProviderSettings.of(Map.of("group_sync", false)));

        assertThat(groupSync.sync(viaGitHub)).isEqualTo(GroupSyncOutcome.disabled());
        assertThat(groupsOf(user)).containsExactly("legacy");
        assertThat(errorLog.all()).isEmpty();
    }

    @Test
    void an_app_whose_switch_is_no_boolean_still_takes_part_so_problems_stay_visible() {
        User user = user("legacy");
        LoginEvent viaKeycloak = new LoginEvent(user, "keycloak", new ProviderProfile("sub", List.of(), "", "", "",
                groups(List.of("/inventree/admins"))), false, PATH,
                io.gatehouse.sso.core.provider.ProviderSettings.of(Map.of("group_sync", "sometimes")));

        assertThat(groupSync.sync(viaKeycloak).status()).isEqualTo(GroupSyncStatus.APPLIED);
        assertThat(groupsOf(user)).containsExactly("admin");
    }

    @Test
    void an_app_without_the_switch_takes_part() {
        User user = user("legacy");
        LoginEvent viaKeycloak = new LoginEvent(user, "keycloak", new ProviderProfile("sub", List.of(), "", "", "",
                groups(List.of("/inventree/admins"))), false, PATH, io.gatehouse.sso.core.provider.ProviderSettings.of(Map.of()));

        assertThat(groupSync.sync(viaKeycloak).status()).isEqualTo(GroupSyncStatus.APPLIED);
        assertThat(groupsOf(user)).containsExactly("admin");
    }

    @Test
    void sync_off_is_the_default() {
        settings.remove("LOGIN_ENABLE_SSO_GROUP_SYNC");
        User user = user("legacy");

        assertThat(groupSync.sync(login(user, groups(List.of()))).status()).isEqualTo(GroupSyncStatus.DISABLED);
        assertThat(groupsOf(user)).containsExactly("legacy");
    }

    @Test
    void sync_off_does_not_complain_about_other_group_settings() {
        settings.put("LOGIN_ENABLE_SSO_GROUP_SYNC", "false");
        settings.put("SSO_GROUP_MAP", "{not json");

        assertThat(groupSync.sync(login(user(), Map.of())).status()).isEqualTo(GroupSyncStatus.DISABLED);
        assertThat(errorLog.all()).isEmpty();
    }

    // ---- adding and creating

    @Test
    void adds_the_user_to_mapped_groups() {
        store.create("admin");
        User user = user();

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/inventree/admins"))));

        assertThat(outcome.status()).isEqualTo(GroupSyncStatus.APPLIED);
        assertThat(outcome.added()).containsExactly("admin");
        assertThat(outcome.created()).isEmpty();
        assertThat(groupsOf(user)).containsExactly("admin");
        assertThat(errorLog.all()).isEmpty();
    }

    @Test
    void creates_a_mapped_group_that_does_not_exist() {
        User user = user();

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/inventree/admins"))));

        assertThat(outcome.created()).containsExactly("admin");
        assertThat(outcome.added()).containsExactly("admin");
        assertThat(store.findByName("admin")).isPresent();
    }

    @Test
    void ignores_idp_groups_the_map_does_not_name() {
        User user = user();

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/unmapped", "/inventree/staff"))));

        assertThat(outcome.granted()).containsExactly("staff");
        assertThat(groupsOf(user)).containsExactly("staff");
        assertThat(store.findByName("/unmapped")).isEmpty();
    }

    @Test
    void reads_a_single_string_claim_as_one_group() {
        User user = user();

        groupSync.sync(login(user, groups("/inventree/admins")));

        assertThat(groupsOf(user)).containsExactly("admin");
    }

    @Test
    void reads_keycloak_realm_roles_through_a_dotted_key() {
        settings.put("SSO_GROUP_KEY", "realm_access.roles");
        settings.put("SSO_GROUP_MAP", "{\"inventree-admin\": \"admin\"}");
        User user = user();

        groupSync.sync(login(user, Map.of("realm_access", Map.of("roles", List.of("offline_access", "inventree-admin")))));

        assertThat(groupsOf(user)).containsExactly("admin");
    }

    @Test
    void a_top_level_claim_named_with_dots_wins_over_a_nested_one() {
        settings.put("SSO_GROUP_KEY", "realm_access.roles");
        settings.put("SSO_GROUP_MAP", "{\"literal\": \"admin\", \"nested\": \"staff\"}");
        User user = user();

        groupSync.sync(login(user, Map.of("realm_access.roles", List.of("literal"),
                "realm_access", Map.of("roles", List.of("nested")))));

        assertThat(groupsOf(user)).containsExactly("admin");
    }

    @Test
    void duplicate_claim_entries_and_idp_groups_mapping_to_one_local_group_grant_it_once() {
        settings.put("SSO_GROUP_MAP", "{\"/inventree/staff\": \"staff\", \"/old/staff\": \"staff\"}");
        User user = user();

        GroupSyncOutcome outcome = groupSync.sync(login(user,
                groups(List.of("/inventree/staff", "/inventree/staff", "/old/staff"))));

        assertThat(outcome.granted()).containsExactly("staff");
        assertThat(outcome.added()).containsExactly("staff");
        assertThat(groupsOf(user)).containsExactly("staff");
    }

    @Test
    void idp_group_names_match_case_sensitively() {
        User user = user();

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/Inventree/Admins", "/INVENTREE/STAFF"))));

        assertThat(outcome.status()).isEqualTo(GroupSyncStatus.APPLIED);
        assertThat(outcome.granted()).isEmpty();
        assertThat(groupsOf(user)).isEmpty();
    }

    // ---- removing

    @Test
    void removes_groups_the_idp_does_not_grant() {
        User user = user("staff", "legacy");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/inventree/admins"))));

        assertThat(outcome.added()).containsExactly("admin");
        assertThat(outcome.removed()).containsExactly("legacy", "staff");
        assertThat(groupsOf(user)).containsExactly("admin");
    }

    @Test
    void an_empty_group_list_is_a_real_answer_and_removes_every_group() {
        User user = user("admin", "staff");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of())));

        assertThat(outcome.status()).isEqualTo(GroupSyncStatus.APPLIED);
        assertThat(outcome.removed()).containsExactly("admin", "staff");
        assertThat(groupsOf(user)).isEmpty();
        assertThat(errorLog.all()).isEmpty();
    }

    @Test
    void keeps_other_groups_when_remove_groups_is_off() {
        settings.put("SSO_REMOVE_GROUPS", "false");
        User user = user("legacy");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/inventree/admins"))));

        assertThat(outcome.removed()).isEmpty();
        assertThat(groupsOf(user)).containsExactlyInAnyOrder("admin", "legacy");
    }

    @Test
    void remove_groups_is_on_by_default() {
        settings.remove("SSO_REMOVE_GROUPS");
        User user = user("legacy");

        groupSync.sync(login(user, groups(List.of())));

        assertThat(groupsOf(user)).isEmpty();
    }

    @Test
    void never_removes_the_signup_group() {
        settings.put("SIGNUP_GROUP", "newcomers");
        User user = user("newcomers", "legacy");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/inventree/staff"))));

        assertThat(outcome.removed()).containsExactly("legacy");
        assertThat(groupsOf(user)).containsExactlyInAnyOrder("newcomers", "staff");
    }

    @Test
    void a_new_user_keeps_the_signup_group_on_the_first_login() {
        settings.put("SIGNUP_GROUP", "newcomers");
        User user = user("newcomers");
        LoginEvent first = new LoginEvent(user, "keycloak",
                new ProviderProfile("sub", List.of(), "", "", "", groups(List.of("/inventree/staff"))), true, PATH);

        groupSync.sync(first);

        assertThat(groupsOf(user)).containsExactlyInAnyOrder("newcomers", "staff");
    }

    // ---- idempotence and atomic outcome

    @Test
    void a_second_identical_login_changes_nothing() {
        User user = user("legacy");
        LoginEvent event = login(user, groups(List.of("/inventree/admins", "/inventree/staff")));
        GroupSyncOutcome first = groupSync.sync(event);

        GroupSyncOutcome second = groupSync.sync(event);

        assertThat(first.changed()).isTrue();
        assertThat(second.status()).isEqualTo(GroupSyncStatus.APPLIED);
        assertThat(second.changed()).isFalse();
        assertThat(second.granted()).containsExactly("admin", "staff");
        assertThat(groupsOf(user)).containsExactlyInAnyOrder("admin", "staff");
    }

    @Test
    void the_outcome_lists_added_created_and_removed_together() {
        store.create("staff");
        User user = user("legacy");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/inventree/admins", "/inventree/staff"))));

        assertThat(outcome).isEqualTo(new GroupSyncOutcome(GroupSyncStatus.APPLIED, Set.of("admin", "staff"),
                Set.of("admin", "staff"), Set.of("admin"), Set.of("legacy")));
    }

    @Test
    void settings_changed_by_an_admin_apply_to_the_next_login() {
        User user = user();
        groupSync.sync(login(user, groups(List.of("/inventree/admins"))));

        settings.put("SSO_GROUP_MAP", "{\"/inventree/admins\": \"administrators\"}");
        groupSync.sync(login(user, groups(List.of("/inventree/admins"))));

        assertThat(groupsOf(user)).containsExactly("administrators");
    }

    // ---- fail-safe: claim problems

    @Test
    void a_missing_claim_changes_nothing_and_explains_how_to_send_it() {
        User user = user("admin", "staff");

        GroupSyncOutcome outcome = groupSync.sync(login(user, Map.of("sub", "s", "email", "person@example.com")));

        assertThat(outcome).isEqualTo(GroupSyncOutcome.problem(GroupSyncStatus.CLAIM_MISSING));
        assertThat(groupsOf(user)).containsExactlyInAnyOrder("admin", "staff");
        ErrorRecord record = onlyErrorRecord();
        assertThat(record.kind()).isEqualTo("sso.group_claim_missing");
        assertThat(record.info()).contains("the login has no 'groups' claim", "SSO_GROUP_KEY is 'groups'",
                "client scope 'groups'", "Group Membership", "token claim name 'groups'", "add the scope to this client");
        assertThat(record.data()).contains("provider=keycloak", "user=" + user.id(), "present_claims=[email, sub]")
                .doesNotContain("person@example.com");
        assertThat(record.path()).isEqualTo(PATH);
        assertThat(record.time()).isEqualTo(NOW);
    }

    @Test
    void a_null_claim_is_treated_as_missing() {
        User user = user("admin");

        assertThat(groupSync.sync(login(user, groups(null))).status()).isEqualTo(GroupSyncStatus.CLAIM_MISSING);
        assertThat(groupsOf(user)).containsExactly("admin");
    }

    @Test
    void a_missing_nested_key_changes_nothing_and_names_the_missing_part() {
        settings.put("SSO_GROUP_KEY", "realm_access.roles");
        User user = user("admin");

        GroupSyncOutcome outcome = groupSync.sync(login(user, Map.of("realm_access", Map.of("other", List.of()))));

        assertThat(outcome.status()).isEqualTo(GroupSyncStatus.CLAIM_MISSING);
        assertThat(groupsOf(user)).containsExactly("admin");
        assertThat(onlyErrorRecord().info()).contains("the claim 'realm_access' has no 'roles'", "client scope 'roles'",
                "Add to ID token");
    }

    @Test
    void a_number_claim_changes_nothing_and_says_what_is_expected() {
        User user = user("admin");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(42)));

        assertThat(outcome.status()).isEqualTo(GroupSyncStatus.CLAIM_INVALID);
        assertThat(groupsOf(user)).containsExactly("admin");
        ErrorRecord record = onlyErrorRecord();
        assertThat(record.kind()).isEqualTo("sso.group_claim_invalid");
        assertThat(record.info()).contains("the claim 'groups' is a number", "array of group names or a single group name");
    }

    @Test
    void an_object_claim_changes_nothing() {
        User user = user("admin");

        assertThat(groupSync.sync(login(user, groups(Map.of("admins", true)))).status()).isEqualTo(GroupSyncStatus.CLAIM_INVALID);
        assertThat(groupsOf(user)).containsExactly("admin");
    }

    @Test
    void an_array_with_a_non_string_entry_changes_nothing_not_even_the_valid_entries() {
        User user = user("legacy");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/inventree/admins", 3))));

        assertThat(outcome.status()).isEqualTo(GroupSyncStatus.CLAIM_INVALID);
        assertThat(groupsOf(user)).containsExactly("legacy");
        assertThat(store.findByName("admin")).isEmpty();
        assertThat(onlyErrorRecord().info()).contains("entry 2 is a number");
    }

    // ---- fail-safe: settings problems

    @Test
    void an_invalid_json_map_changes_nothing_and_shows_an_example() {
        settings.put("SSO_GROUP_MAP", "{\"/inventree/admins\": \"admin\",}");
        User user = user("legacy");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/inventree/admins"))));

        assertThat(outcome.status()).isEqualTo(GroupSyncStatus.MAP_INVALID);
        assertThat(groupsOf(user)).containsExactly("legacy");
        ErrorRecord record = onlyErrorRecord();
        assertThat(record.kind()).isEqualTo("sso.group_map_invalid");
        assertThat(record.info()).contains("SSO_GROUP_MAP", "not valid JSON", "{\"/inventree/admins\": \"admin\"}");
    }

    @Test
    void a_map_with_a_non_string_value_changes_nothing_and_names_the_entry() {
        settings.put("SSO_GROUP_MAP", "{\"/inventree/admins\": [\"admin\"]}");
        User user = user("legacy");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of("/inventree/admins"))));

        assertThat(outcome.status()).isEqualTo(GroupSyncStatus.MAP_INVALID);
        assertThat(groupsOf(user)).containsExactly("legacy");
        assertThat(onlyErrorRecord().info()).contains("'/inventree/admins'", "non-empty string");
    }

    @Test
    void a_map_that_is_not_an_object_changes_nothing() {
        settings.put("SSO_GROUP_MAP", "[\"admin\"]");
        User user = user("legacy");

        assertThat(groupSync.sync(login(user, groups(List.of()))).status()).isEqualTo(GroupSyncStatus.MAP_INVALID);
        assertThat(groupsOf(user)).containsExactly("legacy");
    }

    @Test
    void an_unusable_group_key_changes_nothing() {
        settings.put("SSO_GROUP_KEY", "realm_access.");
        User user = user("legacy");

        GroupSyncOutcome outcome = groupSync.sync(login(user, groups(List.of())));

        assertThat(outcome.status()).isEqualTo(GroupSyncStatus.SETTING_INVALID);
        assertThat(groupsOf(user)).containsExactly("legacy");
        assertThat(onlyErrorRecord()).satisfies(r -> {
            assertThat(r.kind()).isEqualTo("sso.group_setting_invalid");
            assertThat(r.info()).contains("SSO_GROUP_KEY");
        });
    }

    @Test
    void an_unusable_switch_changes_nothing() {
        settings.put("SSO_REMOVE_GROUPS", "sometimes");
        User user = user("legacy");

        assertThat(groupSync.sync(login(user, groups(List.of()))).status()).isEqualTo(GroupSyncStatus.SETTING_INVALID);
        assertThat(groupsOf(user)).containsExactly("legacy");
        assertThat(onlyErrorRecord().info()).contains("SSO_REMOVE_GROUPS", "true or false");
    }

    // ---- fail-safe: the listener never fails a login

    @Test
    void a_failing_group_store_is_logged_and_the_listener_returns() {
        User gone = new User("999", "gone", "", "", "", true);

        GroupSyncOutcome outcome = groupSync.sync(login(gone, groups(List.of("/inventree/admins"))));
        assertThatCode(() -> groupSync.onLogin(login(gone, groups(List.of("/inventree/admins"))))).doesNotThrowAnyException();

        assertThat(outcome.status()).isEqualTo(GroupSyncStatus.STORE_FAILED);
        // both failures are logged; identical ones within the flood window share one record and count
        assertThat(onlyErrorRecord()).satisfies(r -> {
            assertThat(r.kind()).isEqualTo("sso.group_sync_failed");
            assertThat(r.count()).isEqualTo(2);
        });
        assertThat(store.findByName("admin")).isEmpty();
    }

    @Test
    void the_listener_does_not_throw_when_even_the_error_log_is_down() {
        GroupSync withBrokenLog = new GroupSync(store, settings, new UnavailableErrorLog(), clock);

        assertThatCode(() -> withBrokenLog.onLogin(login(user(), Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void the_outcome_log_line_names_ids_and_groups_but_no_personal_data() throws Exception {
        User user = user();

        groupSync.onLogin(login(user, groups(List.of("/inventree/admins"))));

        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        org.junit.jupiter.api.Assumptions.assumeTrue(logFile != null && !logFile.startsWith("System."),
                "the build routes log lines to a file");
        String line = Files.readAllLines(Path.of(logFile)).stream()
                .filter(l -> l.contains("SSO group sync for user " + user.id() + " via keycloak"))
                .reduce((earlier, later) -> later).orElseThrow();
        assertThat(line).contains("INFO", "added [admin]", "created [admin]").doesNotContain("@example.com", user.username());
    }

    /** An error log whose storage is down, to prove a group problem still cannot fail the login. */
    private static final class UnavailableErrorLog implements ErrorLog {
        @Override
        public ErrorRecord append(ErrorRecord record) {
            throw new IllegalStateException("error log storage unavailable");
        }

        @Override
        public ErrorRecord count(ErrorRecord record, Duration window) {
            throw new IllegalStateException("error log storage unavailable");
        }

        @Override
        public List<ErrorRecord> list(ErrorQuery query, int offset, int limit) {
            return List.of();
        }

        @Override
        public int purgeOlderThan(Instant cutoff) {
            return 0;
        }
    }
}
