package io.gatehouse.sso.core.transaction;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.provider.IssuerIdentification;
import io.gatehouse.sso.testkit.AdjustableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A login transaction survives its trip through the browser whole, or not at all, and never shows its secrets. */
class LoginTransactionTest {
    final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-05-01T10:00:00Z"));
    final Seal seal = new Seal(Seal.randomKey(), clock);
    final LoginTransaction tx = new LoginTransaction("state-0123456789", "nonce-0123456789", "verifier-0123456789", "keycloak",
            "app-1", AuthProcess.CONNECT, "/settings/", "user-7", clock.instant(),
            new IssuerIdentification("https://sso.example.com", true));

    @Test
    void aSealedTransactionOpensWithEveryPart() throws Exception {
        LoginTransaction opened = LoginTransaction.openWith(seal, tx.sealWith(seal, Duration.ofMinutes(10)));

        assertThat(opened).isEqualTo(tx);
    }

    @Test
    void aTransactionWithoutIssuerOpensWithoutIssuer() throws Exception {
        LoginTransaction plain = new LoginTransaction("s", "n", null, "github", "app-1", AuthProcess.LOGIN, null, null,
                clock.instant());

        assertThat(LoginTransaction.openWith(seal, plain.sealWith(seal, Duration.ofMinutes(10))).issuer()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"st", "nn", "pv", "ap", "pr"})
    void aSealedValueMissingARequiredPartIsBroken(String part) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().claim("st", "s").claim("nn", "n").claim("pv", "github")
                .claim("ap", "app-1").claim("pr", "LOGIN");
        claims.claim(part, null);
        String sealed = seal.seal("login-transaction", claims.build(), Duration.ofMinutes(10));

        assertThatThrownBy(() -> LoginTransaction.openWith(seal, sealed)).isInstanceOf(Seal.Broken.class)
                .hasMessage("incomplete transaction");
    }

    @Test
    void aSealedValueOfAnUnknownProcessIsBroken() {
        String sealed = seal.seal("login-transaction", new JWTClaimsSet.Builder().claim("st", "s").claim("nn", "n")
                .claim("pv", "github").claim("ap", "app-1").claim("pr", "IMPERSONATE").build(), Duration.ofMinutes(10));

        assertThatThrownBy(() -> LoginTransaction.openWith(seal, sealed)).isInstanceOf(Seal.Broken.class)
                .hasMessage("malformed transaction");
    }

    @Test
    void itsDescriptionForLogsLeavesOutStateNonceAndVerifier() {
        assertThat(tx.toString()).contains("routeId=keycloak", "appId=app-1", "process=CONNECT", "next=/settings/")
                .doesNotContain("state-0123456789", "nonce-0123456789", "verifier-0123456789");
    }

    @Test
    void theCookieNameIsDerivedFromTheStateWithoutRevealingIt() {
        String name = TransactionCookie.nameFor("state-0123456789");

        assertThat(name).startsWith(TransactionCookie.NAME_PREFIX).hasSize(TransactionCookie.NAME_PREFIX.length() + 22)
                .doesNotContain("state").isEqualTo(TransactionCookie.nameFor("state-0123456789"));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            names.add(TransactionCookie.nameFor("state-" + i));
        }
        assertThat(names).as("one cookie per login, so parallel logins do not overwrite each other").hasSize(100);
    }

    @Test
    void theCookiesDescriptionForLogsLeavesOutTheSealedValue() {
        TransactionCookie cookie = new TransactionCookie("gatehouse_tx_abc", "sealed-secret-value", TransactionCookie.PATH,
                Duration.ofMinutes(10), true, "Lax");

        assertThat(cookie.toString()).contains("name=gatehouse_tx_abc", "path=/accounts/", "secure=true")
                .doesNotContain("sealed-secret-value");
    }
}
