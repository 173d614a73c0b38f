package io.gatehouse.sso.groupsync;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GroupMapTest {

    private final GroupMap map = new GroupMap(Map.of("/inventree/admins", "admin", "/inventree/staff", "staff",
            "/legacy/staff", "staff"));

    @Test
    void maps_idp_groups_to_local_groups() {
        assertThat(map.localGroupsFor(List.of("/inventree/admins", "/inventree/staff"))).containsExactlyInAnyOrder("admin", "staff");
    }

    @Test
    void ignores_idp_groups_the_map_does_not_name() {
        assertThat(map.localGroupsFor(List.of("/other", "/inventree/admins"))).containsExactly("admin");
    }

    @Test
    void several_idp_groups_granting_one_local_group_grant_it_once() {
        assertThat(map.localGroupsFor(List.of("/inventree/staff", "/legacy/staff"))).containsExactly("staff");
    }

    @Test
    void matches_exactly_case_and_whitespace_included() {
        assertThat(map.localGroupsFor(List.of("/Inventree/Admins", "/inventree/admins ", " /inventree/admins"))).isEmpty();
    }
}
