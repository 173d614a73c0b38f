package io.gatehouse.sso.core.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedDomainsTest {
    final AllowedDomains allowed = AllowedDomains.parse("@allowed.com, @Example.ORG");

    @Test
    void anEmptyRestrictionAllowsEveryValidAddress() {
        assertThat(AllowedDomains.parse("").allows("a@anything.example")).isTrue();
        assertThat(AllowedDomains.parse(null).restricts()).isFalse();
    }

    @Test
    void anAddressInAListedDomainIsAllowedIgnoringCase() {
        assertThat(allowed.allows("ada@allowed.com")).isTrue();
        assertThat(allowed.allows("ada@ALLOWED.COM")).isTrue();
        assertThat(allowed.allows("bob@example.org")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@allowed.com@evil.com", "a@evil.com.allowed.com.evil", "a@evil.com.allowed.com",
            "a@sub.allowed.com", "a@allowed.com.", "a@allowed.comm", "allowed.com", "@allowed.com", "a@",
            "a b@allowed.com", "a@allowed.com\n", "a@аllowed.com", "<a@allowed.com>"})
    void bypassAttemptsAreRefused(String email) {
        assertThat(allowed.allows(email)).isFalse();
    }

    @Test
    void aMissingAddressIsRefusedWhenRestricted() {
        assertThat(allowed.allows(null)).isFalse();
        assertThat(allowed.allows("")).isFalse();
    }

    @Test
    void internationalDomainsCompareInTheirPunycodeForm() {
        AllowedDomains idn = AllowedDomains.parse("@bücher.example");

        assertThat(idn.allows("a@xn--bcher-kva.example")).isTrue();
        assertThat(idn.allows("a@bücher.example")).isTrue();
        assertThat(idn.allows("a@bucher.example")).isFalse();
    }

    @Test
    void aHomographEntryDoesNotAllowTheAsciiDomain() {
        AllowedDomains homograph = AllowedDomains.parse("@аllowed.com");

        assertThat(homograph.allows("a@allowed.com")).isFalse();
    }

    @Test
    void malformedEntriesAreRejected() {
        assertThatThrownBy(() -> AllowedDomains.parse("@example.com, nodot")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodot");
        assertThatThrownBy(() -> AllowedDomains.parse("a@b.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AllowedDomains.parse("@example.com.")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entriesWithoutTheAtSignAreAccepted() {
        assertThat(AllowedDomains.parse("allowed.com").allows("x@allowed.com")).isTrue();
    }

    @Test
    void theListedDomainsAreShownSortedInTheirPunycodeFormWithTheAtSign() {
        assertThat(AllowedDomains.parse("@Example.ORG, @bücher.example, @allowed.com").domains())
                .containsExactly("@allowed.com", "@example.org", "@xn--bcher-kva.example");
    }

    @Test
    void aDomainStartingWithAnIdnaDeviationCharacterIsRefused() {
        // java.net.IDN would fold it to "ssa.example", another registrable domain
        assertThatThrownBy(() -> AllowedDomains.parse("@\u00DFa.example")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AllowedDomains.parse("@ssa.example").allows("x@\u00DFa.example")).isFalse();
    }

    @Test
    void anEmptyEntryBetweenCommasIsSkipped() {
        AllowedDomains two = AllowedDomains.parse("@a.example,, @b.example,");

        assertThat(two.restricts()).isTrue();
        assertThat(two.domains()).containsExactly("@a.example", "@b.example");
    }
}
