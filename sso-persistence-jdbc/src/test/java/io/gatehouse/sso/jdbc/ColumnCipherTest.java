package io.gatehouse.sso.jdbc;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnCipherTest {

    private final ColumnCipher cipher = new ColumnCipher(TestKeys.k1());

    @Test
    void aSealedValueNamesItsKeyIdAndOpensToThePlainText() {
        String sealed = cipher.seal(SealedColumn.APP_SECRET, "7", "s3cret");

        assertThat(sealed).startsWith("v1:k1:").doesNotContain("s3cret");
        assertThat(cipher.open(SealedColumn.APP_SECRET, "7", sealed)).isEqualTo("s3cret");
    }

    @Test
    void sealingTheSameTextTwiceGivesDifferentValues() {
        assertThat(cipher.seal(SealedColumn.APP_SECRET, "7", "same"))
                .isNotEqualTo(cipher.seal(SealedColumn.APP_SECRET, "7", "same"));
    }

    @Test
    void nullStaysNullAndTheEmptyStringRoundTrips() {
        assertThat(cipher.seal(SealedColumn.REFRESH_TOKEN, "1", null)).isNull();
        assertThat(cipher.open(SealedColumn.REFRESH_TOKEN, "1", null)).isNull();
        assertThat(cipher.open(SealedColumn.APP_KEY, "1", cipher.seal(SealedColumn.APP_KEY, "1", ""))).isEmpty();
    }

    @Test
    void anotherRowOrColumnCannotOpenIt() {
        String sealed = cipher.seal(SealedColumn.ACCESS_TOKEN, "1", "token");

        assertThatThrownBy(() -> cipher.open(SealedColumn.ACCESS_TOKEN, "2", sealed))
                .isInstanceOf(SecretDecryptionException.class).hasMessageContaining("account_id=2");
        assertThatThrownBy(() -> cipher.open(SealedColumn.REFRESH_TOKEN, "1", sealed))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = cipher.seal(SealedColumn.APP_SECRET, "1", "secret");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
        bytes[14] ^= 1; // one bit of the ciphertext, past the 12-byte IV
        String altered = "v1:k1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.open(SealedColumn.APP_SECRET, "1", altered))
                .isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> cipher.open(SealedColumn.APP_SECRET, "1", "v1:k1:AAAA"))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void aValueUnderAKeyIdTheRingLacksFailsNamingTheId() {
        String sealed = new ColumnCipher(TestKeys.k2()).seal(SealedColumn.APP_SECRET, "1", "secret");

        assertThatThrownBy(() -> cipher.open(SealedColumn.APP_SECRET, "1", sealed))
                .isInstanceOf(UnknownSecretKeyException.class).hasMessageContaining("k2");
    }

    @Test
    void aPlainTextValueIsRefusedWithoutBeingEchoed() {
        assertThatThrownBy(() -> cipher.open(SealedColumn.APP_SECRET, "1", "hand-written-secret"))
                .hasMessageNotContaining("hand-written-secret");
    }

    @Test
    void aRotatedRingWritesUnderTheNewKeyAndStillReadsTheOld() {
        ColumnCipher rotated = new ColumnCipher(TestKeys.k2ReadingK1());

        assertThat(rotated.seal(SealedColumn.APP_SECRET, "1", "x")).startsWith("v1:k2:");
        assertThat(rotated.open(SealedColumn.APP_SECRET, "1", cipher.seal(SealedColumn.APP_SECRET, "1", "x"))).isEqualTo("x");
    }
}
