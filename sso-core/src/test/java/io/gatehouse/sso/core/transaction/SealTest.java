package io.gatehouse.sso.core.transaction;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.testkit.AdjustableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealTest {
    final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-05-01T10:00:00Z"));
    final byte[] key = Seal.randomKey();
    final Seal seal = new Seal(key, clock);
    final JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("st", "state-value").build();

    @Test
    void aSealedValueOpensWithTheSameKeyAndPurpose() throws Exception {
        String sealed = seal.seal("tx", claims, Duration.ofMinutes(10));

        assertThat(seal.open("tx", sealed).getStringClaim("st")).isEqualTo("state-value");
        assertThat(sealed).doesNotContain("state-value");
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = seal.seal("tx", claims, Duration.ofMinutes(10));

        assertThatThrownBy(() -> new Seal(Seal.randomKey(), clock).open("tx", sealed)).isInstanceOf(Seal.Broken.class);
    }

    @Test
    void anotherPurposeCannotOpenIt() {
        String sealed = seal.seal("signup", claims, Duration.ofMinutes(10));

        assertThatThrownBy(() -> seal.open("tx", sealed)).isInstanceOf(Seal.Broken.class);
    }

    @Test
    void aTamperedOrTruncatedValueIsBroken() {
        String sealed = seal.seal("tx", claims, Duration.ofMinutes(10));
        char[] chars = sealed.toCharArray();
        int i = sealed.lastIndexOf('.') - 3;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> seal.open("tx", new String(chars))).isInstanceOf(Seal.Broken.class);
        assertThatThrownBy(() -> seal.open("tx", sealed.substring(0, sealed.length() - 5))).isInstanceOf(Seal.Broken.class);
        assertThatThrownBy(() -> seal.open("tx", "garbage")).isInstanceOf(Seal.Broken.class);
        assertThatThrownBy(() -> seal.open("tx", "")).isInstanceOf(Seal.Broken.class);
        assertThatThrownBy(() -> seal.open("tx", "x".repeat(100_000))).isInstanceOf(Seal.Broken.class);
    }

    @Test
    void aValuePastItsLifetimeIsExpired() {
        String sealed = seal.seal("tx", claims, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> seal.open("tx", sealed)).isInstanceOf(Seal.Expired.class);
    }

    @Test
    void onlyA256BitKeyIsAccepted() {
        assertThatThrownBy(() -> new Seal(new byte[16], clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
