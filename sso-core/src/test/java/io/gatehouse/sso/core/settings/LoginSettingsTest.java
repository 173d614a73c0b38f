package io.gatehouse.sso.core.settings;

import io.gatehouse.sso.testkit.InMemorySettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginSettingsTest {
    final InMemorySettings store = new InMemorySettings();
    final LoginSettings settings = new LoginSettings(store);

    @Test
    void unsetKeysHaveInvenTreesDefaults() {
        assertThat(settings.ssoEnabled()).isFalse();
        assertThat(settings.registrationEnabled()).isFalse();
        assertThat(settings.autoFill()).isTrue();
        assertThat(settings.allowedDomains().restricts()).isFalse();
        assertThat(settings.groupSyncEnabled()).isFalse();
        assertThat(settings.groupKey()).isEqualTo("groups");
        assertThat(settings.groupMap()).isEmpty();
        assertThat(settings.removeGroups()).isTrue();
        assertThat(settings.signupGroup()).isEmpty();
        assertThat(settings.linkByEmail()).isFalse();
    }

    @Test
    void valuesAreReReadOnEveryUseSoAdminChangesApplyLive() {
        assertThat(settings.ssoEnabled()).isFalse();
        store.put("LOGIN_ENABLE_SSO", "True");
        assertThat(settings.ssoEnabled()).isTrue();
        store.put("LOGIN_ENABLE_SSO", "false");
        assertThat(settings.ssoEnabled()).isFalse();
    }

    @Test
    void anInvalidBooleanIsATypedErrorNamingTheKey() {
        store.put("LOGIN_ENABLE_SSO_REG", "perhaps");

        assertThatThrownBy(settings::registrationEnabled)
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo(SettingKey.LOGIN_ENABLE_SSO_REG))
                .hasMessageContaining("LOGIN_ENABLE_SSO_REG").hasMessageContaining("perhaps");
    }

    @Test
    void theGroupMapIsAnOrderedObjectOfStrings() {
        store.put("SSO_GROUP_MAP", "{\"/inventree/admins\": \"admin\", \"/inventree/staff\": \" staff \"}");

        assertThat(settings.groupMap()).containsExactly(Map.entry("/inventree/admins", "admin"), Map.entry("/inventree/staff", "staff"));
    }

    @Test
    void aGroupMapThatIsNotJsonNamesTheKeyAndPosition() {
        store.put("SSO_GROUP_MAP", "{\"/a\": admin}");

        assertThatThrownBy(settings::groupMap).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("SSO_GROUP_MAP").hasMessageContaining("line 1");
    }

    @Test
    void aGroupMapWithNonStringValuesIsRefused() {
        store.put("SSO_GROUP_MAP", "{\"/a\": [\"admin\"]}");
        assertThatThrownBy(settings::groupMap).isInstanceOf(InvalidSettingException.class).hasMessageContaining("'/a'");
        store.put("SSO_GROUP_MAP", "[\"admin\"]");
        assertThatThrownBy(settings::groupMap).isInstanceOf(InvalidSettingException.class).hasMessageContaining("JSON object");
        store.put("SSO_GROUP_MAP", "{\"/a\": \"\"}");
        assertThatThrownBy(settings::groupMap).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void aBadGroupKeyIsRefused() {
        store.put("SSO_GROUP_KEY", "realm_access..roles");

        assertThatThrownBy(settings::groupKey).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void aBadDomainRestrictionNamesTheEntry() {
        store.put("LOGIN_SIGNUP_MAIL_RESTRICTION", "@example.com, not a domain");

        assertThatThrownBy(settings::allowedDomains).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("not a domain");
    }

    @Test
    void validateChecksAValueBeforeTheAdminSavesIt() {
        LoginSettings.validate(SettingKey.SSO_GROUP_MAP, "{\"/a\": \"b\"}");
        LoginSettings.validate("LOGIN_ENABLE_SSO", "true");

        assertThatThrownBy(() -> LoginSettings.validate(SettingKey.SSO_GROUP_MAP, "{oops"))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> LoginSettings.validate("LOGIN_ENABLE_SSO", "yes please"))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> LoginSettings.validate("NO_SUCH_KEY", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_SUCH_KEY");
    }

    @Test
    void eachSwitchReadsItsOwnKey() {
        store.put("LOGIN_ENABLE_SSO_REG", "on");
        store.put("LOGIN_SIGNUP_SSO_AUTO", "0");
        store.put("LOGIN_SSO_LINK_BY_EMAIL", "yes");
        store.put("LOGIN_ENABLE_SSO_GROUP_SYNC", "1");
        store.put("SSO_REMOVE_GROUPS", "off");

        assertThat(settings.registrationEnabled()).isTrue();
        assertThat(settings.autoFill()).isFalse();
        assertThat(settings.linkByEmail()).isTrue();
        assertThat(settings.groupSyncEnabled()).isTrue();
        assertThat(settings.removeGroups()).isFalse();
        assertThat(settings.ssoEnabled()).isFalse();
    }

    @Test
    void theSignupGroupIsTrimmedAndABlankOneIsNone() {
        store.put("SIGNUP_GROUP", " staff ");
        assertThat(settings.signupGroup()).contains("staff");
        store.put("SIGNUP_GROUP", "   ");
        assertThat(settings.signupGroup()).isEmpty();
    }

    @Test
    void anUnchangedGroupMapIsReadAgainWithTheSameEntriesAndAChangedOneAnew() {
        store.put("SSO_GROUP_MAP", "{\"/a\": \"admin\"}");
        assertThat(settings.groupMap()).containsExactly(Map.entry("/a", "admin"));
        assertThat(settings.groupMap()).containsExactly(Map.entry("/a", "admin"));

        store.put("SSO_GROUP_MAP", "{\"/b\": \"staff\"}");
        assertThat(settings.groupMap()).containsExactly(Map.entry("/b", "staff"));
    }

    @Test
    void aGroupKeyMayBeDottedForANestedClaimButNotEmptyOrEndingInADot() {
        store.put("SSO_GROUP_KEY", " realm_access.roles ");
        assertThat(settings.groupKey()).isEqualTo("realm_access.roles");
        for (String bad : new String[] {" ", ".roles", "roles."}) {
            store.put("SSO_GROUP_KEY", bad);
            assertThatThrownBy(settings::groupKey).as(bad).isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("SSO_GROUP_KEY");
        }
    }

    @Test
    void everySettingHasADescriptionForTheAdminScreen() {
        for (SettingKey key : SettingKey.values()) {
            assertThat(key.description()).as(key.name()).isNotBlank();
        }
        assertThat(SettingKey.LOGIN_ENABLE_SSO.description()).startsWith("Enable SSO");
    }

    @Test
    void aBlankGroupMapIsAnEmptyMap() {
        store.put("SSO_GROUP_MAP", "  ");

        assertThat(settings.groupMap()).isEmpty();
    }

    @Test
    void aGroupMapWithANumberForAGroupIsRefused() {
        store.put("SSO_GROUP_MAP", "{\"/a\": 5}");

        assertThatThrownBy(settings::groupMap).isInstanceOf(InvalidSettingException.class).hasMessageContaining("'/a'");
    }
}
