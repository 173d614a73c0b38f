package io.gatehouse.sso.groupsync;

import io.gatehouse.sso.spi.GroupChange;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupSyncOutcomeTest {

    @Test
    void only_a_problem_status_makes_a_problem_outcome() {
        assertThat(GroupSyncOutcome.problem(GroupSyncStatus.CLAIM_INVALID).status()).isEqualTo(GroupSyncStatus.CLAIM_INVALID);
        assertThatThrownBy(() -> GroupSyncOutcome.problem(GroupSyncStatus.APPLIED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupSyncOutcome.problem(GroupSyncStatus.DISABLED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_created_or_a_removed_group_alone_is_a_change() {
        assertThat(GroupSyncOutcome.applied(Set.of("staff"), new GroupChange(Set.of(), Set.of("staff"), Set.of())).changed()).isTrue();
        assertThat(GroupSyncOutcome.applied(Set.of(), new GroupChange(Set.of(), Set.of(), Set.of("staff"))).changed()).isTrue();
        assertThat(GroupSyncOutcome.applied(Set.of("staff"), new GroupChange(Set.of("staff"), Set.of(), Set.of())).changed()).isTrue();
        assertThat(GroupSyncOutcome.applied(Set.of("staff"), GroupChange.NONE).changed()).isFalse();
    }

    @Test
    void missing_sets_are_empty_and_given_ones_sorted() {
        GroupSyncOutcome outcome = new GroupSyncOutcome(GroupSyncStatus.APPLIED, Set.of("b", "a"), null, null, null);

        assertThat(outcome.granted()).containsExactly("a", "b");
        assertThat(outcome.added()).isEmpty();
        assertThat(outcome.removed()).isEmpty();
    }
}
