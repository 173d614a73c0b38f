package io.gatehouse.sso.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The username rule the engine enforces and a sign-up form checks first. */
class UsernamesTest {

    @Test
    void lettersDigitsAndTheFiveSignsAreAcceptedInAnyCase() {
        assertThat(Usernames.accepts("Ada.Lovelace_1815+x@y-z")).isTrue();
        assertThat(Usernames.clean("Ada.Lovelace_1815+x@y-z")).isEqualTo("ada.lovelace_1815+x@y-z");
    }

    @Test
    void spacesAccentsAndOtherSignsAreRefused() {
        assertThat(Usernames.accepts("ada lovelace")).isFalse();
        assertThat(Usernames.accepts("josé")).isFalse();
        assertThat(Usernames.accepts("ada!")).isFalse();
    }

    @Test
    void anEmptyOrMissingUsernameIsRefused() {
        assertThat(Usernames.accepts("")).isFalse();
        assertThat(Usernames.accepts(null)).isFalse();
    }

    @Test
    void thirtyCharactersAreTheLimit() {
        assertThat(Usernames.accepts("a".repeat(30))).isTrue();
        assertThat(Usernames.accepts("a".repeat(31))).isFalse();
    }
}
