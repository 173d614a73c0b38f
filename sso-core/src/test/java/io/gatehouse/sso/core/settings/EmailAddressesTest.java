package io.gatehouse.sso.core.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One rule for a usable address, shared by sign-up restriction and account linking. */
class EmailAddressesTest {

    @Test
    void anAddressWithOneAtSignAndAValidDomainIsValid() {
        assertThat(EmailAddresses.isValid("ada@example.com")).isTrue();
        assertThat(EmailAddresses.domainOf("ada@Example.COM")).contains("example.com");
    }

    @Test
    void anAddressWithTwoAtSignsIsInvalid() {
        assertThat(EmailAddresses.isValid("a@b@evil.com")).isFalse();
    }

    @Test
    void anAddressOfTheLongestAllowedLengthIsValidAndOneLongerIsNot() {
        String domain = "@example.com";
        String longest = "a".repeat(254 - domain.length()) + domain;

        assertThat(EmailAddresses.isValid(longest)).isTrue();
        assertThat(EmailAddresses.isValid("a" + longest)).isFalse();
    }

    @Test
    void aLocalPartWithSeparatorsAngleBracketsWhiteSpaceOrControlCharactersIsInvalid() {
        for (String bad : new String[] {"a,b@example.com", "a;b@example.com", "a<b@example.com", "a>b@example.com",
                "a b@example.com", "a\u0000b@example.com"}) {
            assertThat(EmailAddresses.isValid(bad)).as(bad).isFalse();
        }
    }
}
