package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SettingsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SettingsStore} must do. Extend it and return a fresh, empty store.
 *
 * <pre>{@code
 * class InMemorySettingsTest extends SettingsStoreContract {
 *     protected SettingsStore newStore() { return new InMemorySettings(); }
 * }
 * }</pre>
 */
public abstract class SettingsStoreContract {

    /**
     * A fresh, empty settings store of the implementation under test; called once per test.
     *
     * @return the store
     */
    protected abstract SettingsStore newStore();

    private SettingsStore settings;

    @BeforeEach
    void freshStore() {
        settings = newStore();
    }

    @Test
    void aKeyNeverSetIsEmpty() {
        assertThat(settings.get("LOGIN_ENABLE_SSO")).isEmpty();
    }

    @Test
    void putThenGetReturnsTheValueAndALaterPutReplacesIt() {
        settings.put("LOGIN_ENABLE_SSO", "true");
        settings.put("LOGIN_ENABLE_SSO", "false");

        assertThat(settings.get("LOGIN_ENABLE_SSO")).contains("false");
    }

    @Test
    void longJsonValuesRoundTrip() {
        String map = "{\"/inventree/admins\": \"admin\"}";
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; i < 500; i++) {
            big.append("\"/group/").append(i).append("\": \"local-").append(i).append("\",");
        }
        big.append("\"last\": \"ü\"}");

        settings.put("SSO_GROUP_MAP", map);
        assertThat(settings.get("SSO_GROUP_MAP")).contains(map);
        settings.put("SSO_GROUP_MAP", big.toString());
        assertThat(settings.get("SSO_GROUP_MAP")).contains(big.toString());
    }

    @Test
    void removeBringsBackTheDefault() {
        settings.put("SSO_GROUP_KEY", "roles");
        settings.remove("SSO_GROUP_KEY");

        assertThat(settings.get("SSO_GROUP_KEY")).isEmpty();
    }

    @Test
    void allListsEveryKeyInOrder() {
        settings.put("b", "2");
        settings.put("a", "1");

        assertThat(settings.all()).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
    }
}
