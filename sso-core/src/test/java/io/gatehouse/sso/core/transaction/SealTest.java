package io.gatehouse.sso.core.transaction;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.testkit.AdjustableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

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

    @Test
    void aMissingValueIsBroken() {
        assertThatThrownBy(() -> seal.open("tx", null)).isInstanceOf(Seal.Broken.class);
    }

    @Test
    void aValueEncryptedWithTheSameKeyButAnotherMethodIsBroken() throws Exception {
        EncryptedJWT other = new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A128CBC_HS256),
                new JWTClaimsSet.Builder(claims).claim("pur", "tx").expirationTime(Date.from(clock.instant().plusSeconds(600))).build());
        other.encrypt(new DirectEncrypter(key));

        assertThatThrownBy(() -> seal.open("tx", other.serialize())).isInstanceOf(Seal.Broken.class)
                .hasMessage("unexpected algorithm");
    }

    @Test
    void aValueWithoutExpiryIsBroken() throws Exception {
        EncryptedJWT noExpiry = new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM),
                new JWTClaimsSet.Builder(claims).claim("pur", "tx").build());
        noExpiry.encrypt(new DirectEncrypter(key));

        assertThatThrownBy(() -> seal.open("tx", noExpiry.serialize())).isInstanceOf(Seal.Broken.class);
    }
}
