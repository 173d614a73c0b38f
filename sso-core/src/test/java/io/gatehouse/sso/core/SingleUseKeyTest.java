package io.gatehouse.sso.core;

import io.gatehouse.sso.spi.SingleUseValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The values the engine hands to the single-use store. */
class SingleUseKeyTest {

    @Test
    void aShortValueIsKeptAsItIsAfterItsPurpose() {
        assertThat(SingleUseKey.of("email-confirmation", "7:ada@example.com")).isEqualTo("email-confirmation:7:ada@example.com");
    }

    @Test
    void aSecretIsHandedOverOnlyAsItsDigest() {
        String key = SingleUseKey.ofSecret("callback-state", "state-0123456789");

        assertThat(key).startsWith("callback-state#sha256:").doesNotContain("state-0123456789").hasSize(22 + 43);
        assertThat(SingleUseKey.ofSecret("callback-state", "state-0123456789")).isEqualTo(key);
        assertThat(SingleUseKey.ofSecret("callback-state", "state-0123456788")).isNotEqualTo(key);
    }

    @Test
    void aValueTooLongForTheStoreIsHandedOverAsItsDigest() {
        String longValue = "9:" + "x".repeat(SingleUseValues.MAX_LENGTH);

        String key = SingleUseKey.of("email-confirmation", longValue);

        assertThat(key).hasSizeLessThanOrEqualTo(SingleUseValues.MAX_LENGTH).startsWith("email-confirmation#sha256:");
    }
}
