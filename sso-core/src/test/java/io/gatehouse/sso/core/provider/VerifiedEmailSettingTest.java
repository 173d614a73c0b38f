package io.gatehouse.sso.core.provider;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedEmailSettingTest {
    static final ProviderProfile PROFILE = new ProviderProfile("1", List.of(new EmailAddress("ada@Example.com", false, true),
            new EmailAddress("ada@elsewhere.org", false, false)), "ada", "Ada", "Lovelace", Map.of());

    static VerifiedEmailSetting setting(Object value) {
        return VerifiedEmailSetting.of(ProviderSettings.of(Map.of("verified_email", value)));
    }

    @Test
    void trueTrustsEveryAddressTheProviderSends() {
        assertThat(setting(true).applyTo(PROFILE).emails()).allMatch(EmailAddress::verified);
    }

    @Test
    void aListOfDomainsTrustsOnlyAddressesInThemIgnoringCaseAndALeadingAt() {
        ProviderProfile trusted = setting(List.of("@example.COM")).applyTo(PROFILE);

        assertThat(trusted.emails()).extracting(EmailAddress::verified).containsExactly(true, false);
        assertThat(trusted.emails().get(0).primary()).isTrue();
    }

    @Test
    void unsetOrFalseLeavesTheProvidersFlagsAsTheyAre() {
        assertThat(VerifiedEmailSetting.of(ProviderSettings.of(Map.of())).applyTo(PROFILE)).isSameAs(PROFILE);
        assertThat(setting(false).applyTo(PROFILE)).isSameAs(PROFILE);
        assertThat(setting("false").applyTo(PROFILE)).isSameAs(PROFILE);
    }

    @Test
    void anythingElseIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> setting(List.of("not a domain"))).isInstanceOf(InvalidProviderSettingException.class)
                .hasMessageContaining("'not a domain'");
        assertThatThrownBy(() -> setting(Map.of("example.com", true))).isInstanceOf(InvalidProviderSettingException.class)
                .hasMessageContaining("VERIFIED_EMAIL");
    }
}
