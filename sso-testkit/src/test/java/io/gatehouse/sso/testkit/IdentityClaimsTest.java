package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.SocialAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IdP's claims as the SPI records hold them: frozen once, deeply, in order, and then passed on as they are. */
class IdentityClaimsTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "42");
        claims.put("groups", new ArrayList<>(List.of("/admins", "/staff")));
        claims.put("address", new LinkedHashMap<>(Map.of("country", "UK")));
        claims.put("middle_name", null);
        return claims;
    }

    @Test
    void claimsPassedFromASignInToTheStoredAccountAreNotCopiedAgain() {
        IdentitySignIn signIn = new IdentitySignIn("github", "42", claims(), null, NOW);

        SocialAccount account = new SocialAccount("1", "github", "42", signIn.extraData(), NOW, NOW);

        assertThat(account.extraData()).isSameAs(signIn.extraData());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSignInsClaimsDoNotChangeWhenTheMapsAndListsItWasGivenChange() {
        Map<String, Object> given = claims();
        IdentitySignIn signIn = new IdentitySignIn("github", "42", given, null, NOW);

        given.put("sub", "43");
        ((List<Object>) given.get("groups")).add("/intruders");
        ((Map<String, Object>) given.get("address")).put("country", "FR");

        assertThat(signIn.extraData()).containsEntry("sub", "42");
        assertThat(signIn.extraData().get("groups")).isEqualTo(List.of("/admins", "/staff"));
        assertThat(signIn.extraData().get("address")).isEqualTo(Map.of("country", "UK"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSignInsClaimsCannotBeChangedThroughTheRecord() {
        IdentitySignIn signIn = new IdentitySignIn("github", "42", claims(), null, NOW);

        assertThatThrownBy(() -> signIn.extraData().put("sub", "43")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> signIn.extraData().entrySet().iterator().next().setValue("43"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) signIn.extraData().get("groups")).add("/intruders"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<String, Object>) signIn.extraData().get("address")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void frozenClaimsKeepTheirOrderTheirNullsAndEqualTheClaimsGiven() {
        IdentitySignIn signIn = new IdentitySignIn("github", "42", claims(), null, NOW);

        assertThat(signIn.extraData().keySet()).containsExactly("sub", "groups", "address", "middle_name");
        assertThat(signIn.extraData()).containsEntry("middle_name", null).isEqualTo(claims());
        assertThat(signIn.extraData().hashCode()).isEqualTo(claims().hashCode());
    }
}
