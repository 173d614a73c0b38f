package io.gatehouse.sso.groupsync;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GroupClaimTest {

    private static GroupClaim.Found found(GroupClaim claim) {
        assertThat(claim).isInstanceOf(GroupClaim.Found.class);
        return (GroupClaim.Found) claim;
    }

    @Test
    void an_array_of_strings_is_the_list_of_groups_in_order() {
        GroupClaim claim = GroupClaim.read(Map.of("groups", List.of("/b", "/a")), "groups");

        assertThat(found(claim).groups()).containsExactly("/b", "/a");
    }

    @Test
    void an_empty_array_is_a_real_answer_with_no_groups() {
        assertThat(found(GroupClaim.read(Map.of("groups", List.of()), "groups")).groups()).isEmpty();
    }

    @Test
    void a_single_string_is_one_group_taken_verbatim() {
        GroupClaim claim = GroupClaim.read(Map.of("groups", "/inventree/admins /x,y"), "groups");

        assertThat(found(claim).groups()).containsExactly("/inventree/admins /x,y");
    }

    @Test
    void a_java_array_is_read_like_a_list() {
        GroupClaim claim = GroupClaim.read(Map.of("groups", new String[]{"/a", "/b"}), "groups");

        assertThat(found(claim).groups()).containsExactly("/a", "/b");
    }

    @Test
    void duplicates_count_once() {
        GroupClaim claim = GroupClaim.read(Map.of("groups", List.of("/a", "/b", "/a")), "groups");

        assertThat(found(claim).groups()).containsExactly("/a", "/b");
    }

    @Test
    void names_that_differ_only_in_case_are_different_groups() {
        GroupClaim claim = GroupClaim.read(Map.of("groups", List.of("/Admins", "/admins")), "groups");

        assertThat(found(claim).groups()).containsExactly("/Admins", "/admins");
    }

    @Test
    void a_dotted_key_reads_nested_claims() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("offline_access", "admin")));

        assertThat(found(GroupClaim.read(claims, "realm_access.roles")).groups()).containsExactly("offline_access", "admin");
    }

    @Test
    void a_dotted_key_reads_several_levels() {
        Map<String, Object> claims = Map.of("resource_access", Map.of("inventree", Map.of("roles", List.of("editor"))));

        assertThat(found(GroupClaim.read(claims, "resource_access.inventree.roles")).groups()).containsExactly("editor");
    }

    @Test
    void a_top_level_claim_whose_name_contains_dots_wins_over_the_nested_lookup() {
        Map<String, Object> claims = Map.of("a.b", List.of("literal"), "a", Map.of("b", List.of("nested")));

        assertThat(found(GroupClaim.read(claims, "a.b")).groups()).containsExactly("literal");
    }

    @Test
    void a_url_style_claim_name_is_read_as_is() {
        Map<String, Object> claims = Map.of("https://example.com/groups", List.of("/staff"));

        assertThat(found(GroupClaim.read(claims, "https://example.com/groups")).groups()).containsExactly("/staff");
    }

    @Test
    void a_dotted_object_name_can_be_followed_by_a_nested_key() {
        Map<String, Object> claims = Map.of("https://example.com/claims", Map.of("groups", List.of("/staff")));

        assertThat(found(GroupClaim.read(claims, "https://example.com/claims.groups")).groups()).containsExactly("/staff");
    }

    @Test
    void an_absent_claim_is_missing_and_names_the_claims_present() {
        GroupClaim claim = GroupClaim.read(Map.of("sub", "1", "email", "a@example.com"), "groups");

        assertThat(claim).isEqualTo(new GroupClaim.Missing("the login has no 'groups' claim", java.util.Set.of("email", "sub")));
    }

    @Test
    void an_absent_nested_key_is_missing_and_says_which_part() {
        GroupClaim claim = GroupClaim.read(Map.of("realm_access", Map.of("other", List.of())), "realm_access.roles");

        assertThat(claim).isInstanceOf(GroupClaim.Missing.class);
        assertThat(((GroupClaim.Missing) claim).reason()).isEqualTo("the claim 'realm_access' has no 'roles'");
        assertThat(((GroupClaim.Missing) claim).presentKeys()).containsExactly("other");
    }

    @Test
    void an_absent_parent_of_a_nested_key_is_missing() {
        GroupClaim claim = GroupClaim.read(Map.of("sub", "1"), "realm_access.roles");

        assertThat(claim).isInstanceOf(GroupClaim.Missing.class);
        assertThat(((GroupClaim.Missing) claim).reason()).isEqualTo("the login has no 'realm_access.roles' claim");
    }

    @Test
    void a_null_claim_is_missing() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("groups", null);

        assertThat(GroupClaim.read(claims, "groups")).isInstanceOf(GroupClaim.Missing.class);
    }

    @Test
    void no_claims_at_all_is_missing() {
        assertThat(GroupClaim.read(null, "groups")).isInstanceOf(GroupClaim.Missing.class);
    }

    @Test
    void a_number_is_invalid() {
        assertThat(GroupClaim.read(Map.of("groups", 42), "groups"))
                .isEqualTo(new GroupClaim.Invalid("the claim 'groups' is a number"));
    }

    @Test
    void a_boolean_is_invalid() {
        assertThat(GroupClaim.read(Map.of("groups", true), "groups"))
                .isEqualTo(new GroupClaim.Invalid("the claim 'groups' is a boolean"));
    }

    @Test
    void an_object_is_invalid() {
        assertThat(GroupClaim.read(Map.of("groups", Map.of("admins", true)), "groups"))
                .isEqualTo(new GroupClaim.Invalid("the claim 'groups' is an object"));
    }

    @Test
    void an_array_with_a_number_entry_is_invalid_and_names_the_entry() {
        assertThat(GroupClaim.read(Map.of("groups", List.of("/a", 7)), "groups")).isEqualTo(new GroupClaim.Invalid(
                "the claim 'groups' is an array whose entry 2 is a number (all entries must be group names as strings)"));
    }

    @Test
    void an_array_with_a_null_or_nested_entry_is_invalid() {
        assertThat(GroupClaim.read(Map.of("groups", Arrays.asList("/a", null)), "groups")).isInstanceOf(GroupClaim.Invalid.class);
        assertThat(GroupClaim.read(Map.of("groups", List.of(List.of("/a"))), "groups")).isInstanceOf(GroupClaim.Invalid.class);
        assertThat(GroupClaim.read(Map.of("groups", List.of(Map.of("name", "/a"))), "groups")).isInstanceOf(GroupClaim.Invalid.class);
    }

    @Test
    void a_dotted_key_through_a_non_object_is_invalid() {
        GroupClaim claim = GroupClaim.read(Map.of("realm_access", "admin"), "realm_access.roles");

        assertThat(claim).isEqualTo(new GroupClaim.Invalid(
                "'realm_access' is a string, not an object, so 'roles' cannot be read inside it"));
    }

    @Test
    void entries_of_an_array_are_named_by_their_json_type() {
        assertThat(GroupClaim.read(Map.of("groups", Arrays.asList("/a", null)), "groups")).isEqualTo(new GroupClaim.Invalid(
                "the claim 'groups' is an array whose entry 2 is null (all entries must be group names as strings)"));
        assertThat(GroupClaim.read(Map.of("groups", List.of(List.of("/a"))), "groups")).isEqualTo(new GroupClaim.Invalid(
                "the claim 'groups' is an array whose entry 1 is an array (all entries must be group names as strings)"));
        assertThat(GroupClaim.read(Map.of("groups", List.of((Object) new String[] {"/a"})), "groups")).isEqualTo(new GroupClaim.Invalid(
                "the claim 'groups' is an array whose entry 1 is an array (all entries must be group names as strings)"));
        assertThat(GroupClaim.read(Map.of("groups", List.of('x')), "groups")).isEqualTo(new GroupClaim.Invalid(
                "the claim 'groups' is an array whose entry 1 is a Character (all entries must be group names as strings)"));
    }
}
