package io.gatehouse.sso.jdbc;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretKeyRingTest {

    @Test
    void theFirstKeyIsCurrentAndOlderKeysFollow() {
        SecretKeyRing ring = SecretKeyRing.of("k2", TestKeys.K2).withOlderKey("k1", TestKeys.K1);

        assertThat(ring.currentKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactly("k2", "k1");
        assertThat(ring.key("k1")).isPresent();
        assertThat(ring.key("k3")).isEmpty();
    }

    @Test
    void parseReadsIdKeyPairsCurrentFirst() {
        SecretKeyRing ring = SecretKeyRing.parse(" 2026-01:" + TestKeys.K2 + " , 2025.06:" + TestKeys.K1);

        assertThat(ring.currentKeyId()).isEqualTo("2026-01");
        assertThat(ring.keyIds()).containsExactly("2026-01", "2025.06");
    }

    @Test
    void aKeyOfAnotherLengthThanThirtyTwoBytesIsRefusedWithoutShowingIt() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretKeyRing.of("k1", short16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes").hasMessageNotContaining(short16);
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> SecretKeyRing.of("k1", "not*base64*secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64").hasMessageNotContaining("secret*");
    }

    @Test
    void keyIdsArePlainShortNames() {
        assertThatThrownBy(() -> SecretKeyRing.of("a:b", TestKeys.K1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretKeyRing.of("50%", TestKeys.K1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretKeyRing.of("x".repeat(33), TestKeys.K1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretKeyRing.of("", TestKeys.K1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdGivenTwiceIsRefused() {
        assertThatThrownBy(() -> SecretKeyRing.of("k1", TestKeys.K1).withOlderKey("k1", TestKeys.K2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void emptyConfigurationIsRefused() {
        assertThatThrownBy(() -> SecretKeyRing.parse(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretKeyRing.parse("no-colon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedKeysAreThirtyTwoRandomBytes() {
        assertThat(Base64.getDecoder().decode(SecretKeyRing.generateKey())).hasSize(32);
        assertThat(SecretKeyRing.generateKey()).isNotEqualTo(SecretKeyRing.generateKey());
    }

    @Test
    void toStringNamesIdsButNoKey() {
        assertThat(SecretKeyRing.of("k1", TestKeys.K1).toString()).contains("k1").doesNotContain(TestKeys.K1);
    }
}
