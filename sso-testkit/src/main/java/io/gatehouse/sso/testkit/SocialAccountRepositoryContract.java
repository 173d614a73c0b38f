package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.IdentityLinkedElsewhereException;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link io.gatehouse.sso.spi.SocialAccountRepository} must do: one user per identity,
 * token merging, not-found behaviour. Extend it and return fresh, empty stores.
 *
 * <pre>{@code
 * class InMemorySocialAccountsTest extends SocialAccountRepositoryContract {
 *     protected IdentityStores newStores() { return IdentityStores.inMemory(); }
 * }
 * }</pre>
 */
public abstract class SocialAccountRepositoryContract {

    /**
     * Fresh, empty stores of the implementation under test, sharing one data set; called once per test.
     *
     * @return the stores
     */
    protected abstract IdentityStores newStores();

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");
    private IdentityStores stores;
    private User ada;
    private User bob;

    @BeforeEach
    void twoUsers() {
        stores = newStores();
        ada = user("ada", "ada-google");
        bob = user("bob", "bob-google");
    }

    private User user(String name, String googleUid) {
        return stores.users().register(new Registration(new UserDraft(name, name + "@example.com", "", "", true),
                signIn("google", googleUid, Map.of(), new SocialToken("at", "rt", null), T0), Set.of())).user();
    }

    private static IdentitySignIn signIn(String provider, String uid, Map<String, Object> extraData, SocialToken token,
                                         Instant at) {
        return new IdentitySignIn(provider, uid, extraData, token, at);
    }

    @Test
    void anUnknownIdentityIsEmpty() {
        assertThat(stores.accounts().find("github", "1")).isEmpty();
        assertThat(stores.accounts().findToken("github", "1")).isEmpty();
    }

    @Test
    void linkConnectsAnIdentityToAnExistingUser() {
        SocialAccount linked = stores.accounts().link(ada.id(), signIn("github", "583231", Map.of("login", "octocat"),
                new SocialToken("gh-at", null, null), T1));

        assertThat(linked.userId()).isEqualTo(ada.id());
        assertThat(stores.accounts().find("github", "583231")).contains(linked);
        assertThat(linked.dateJoined()).isEqualTo(T1);
        assertThat(stores.accounts().findToken("github", "583231").orElseThrow().accessToken()).isEqualTo("gh-at");
    }

    @Test
    void anIdentityLinkedToOneUserCannotBeLinkedToAnother() {
        stores.accounts().link(ada.id(), signIn("github", "583231", Map.of(), null, T1));

        assertThatThrownBy(() -> stores.accounts().link(bob.id(), signIn("github", "583231", Map.of(), null, T1)))
                .isInstanceOf(IdentityLinkedElsewhereException.class);
        assertThat(stores.accounts().find("github", "583231").orElseThrow().userId()).isEqualTo(ada.id());
    }

    @Test
    void linkingTheSameIdentityToTheSameUserAgainUpdatesItAndKeepsDateJoined() {
        stores.accounts().link(ada.id(), signIn("github", "583231", Map.of("v", 1), null, T0));

        SocialAccount again = stores.accounts().link(ada.id(), signIn("github", "583231", Map.of("v", 2), null, T1));

        assertThat(again.dateJoined()).isEqualTo(T0);
        assertThat(again.lastLogin()).isEqualTo(T1);
        assertThat(again.extraData()).containsEntry("v", 2);
        assertThat(stores.accounts().findByUser(ada.id())).hasSize(2);
    }

    @Test
    void recordLoginReplacesExtraDataAndSetsLastLogin() {
        SocialAccount updated = stores.accounts().recordLogin(signIn("google", "ada-google", Map.of("name", "Ada"),
                null, T1)).orElseThrow();

        assertThat(updated.extraData()).containsExactly(Map.entry("name", "Ada"));
        assertThat(updated.lastLogin()).isEqualTo(T1);
        assertThat(updated.dateJoined()).isEqualTo(T0);
        assertThat(stores.accounts().find("google", "ada-google")).contains(updated);
    }

    @Test
    void recordLoginKeepsTheStoredRefreshTokenWhenTheIdpSendsNone() {
        stores.accounts().recordLogin(signIn("google", "ada-google", Map.of(), new SocialToken("at-2", null, T1), T1));

        SocialToken token = stores.accounts().findToken("google", "ada-google").orElseThrow();
        assertThat(token.accessToken()).isEqualTo("at-2");
        assertThat(token.refreshToken()).isEqualTo("rt");
        assertThat(token.expiresAt()).isEqualTo(T1);
    }

    @Test
    void recordLoginReplacesTheRefreshTokenWhenTheIdpSendsANewOne() {
        stores.accounts().recordLogin(signIn("google", "ada-google", Map.of(), new SocialToken("at-2", "rt-2", null), T1));

        assertThat(stores.accounts().findToken("google", "ada-google").orElseThrow().refreshToken()).isEqualTo("rt-2");
    }

    @Test
    void recordLoginWithoutATokenKeepsTheStoredToken() {
        stores.accounts().recordLogin(signIn("google", "ada-google", Map.of(), null, T1));

        assertThat(stores.accounts().findToken("google", "ada-google").orElseThrow().accessToken()).isEqualTo("at");
    }

    @Test
    void recordLoginOfAnUnlinkedIdentityIsEmptyAndCreatesNothing() {
        assertThat(stores.accounts().recordLogin(signIn("github", "nobody", Map.of(), new SocialToken("x", "y", null), T1)))
                .isEmpty();
        assertThat(stores.accounts().find("github", "nobody")).isEmpty();
        assertThat(stores.accounts().findToken("github", "nobody")).isEmpty();
    }

    @Test
    void findByUserIsOrderedByProviderThenUid() {
        stores.accounts().link(ada.id(), signIn("keycloak", "b", Map.of(), null, T1));
        stores.accounts().link(ada.id(), signIn("keycloak", "a", Map.of(), null, T1));
        stores.accounts().link(ada.id(), signIn("github", "z", Map.of(), null, T1));

        assertThat(stores.accounts().findByUser(ada.id())).extracting(a -> a.provider() + "/" + a.uid())
                .containsExactly("github/z", "google/ada-google", "keycloak/a", "keycloak/b");
    }

    @Test
    void unlinkRemovesTheLinkAndItsToken() {
        assertThat(stores.accounts().unlink(ada.id(), "google", "ada-google")).isTrue();

        assertThat(stores.accounts().find("google", "ada-google")).isEmpty();
        assertThat(stores.accounts().findToken("google", "ada-google")).isEmpty();
        assertThat(stores.accounts().unlink(ada.id(), "google", "ada-google")).isFalse();
    }

    @Test
    void aUserCannotUnlinkAnotherUsersIdentity() {
        assertThat(stores.accounts().unlink(bob.id(), "google", "ada-google")).isFalse();
        assertThat(stores.accounts().find("google", "ada-google")).isPresent();
    }

    @Test
    void searchFindsLinksByProviderUidUsernameOrEmailIgnoringCase() {
        stores.accounts().link(ada.id(), signIn("github", "583231", Map.of(), null, T1));

        assertThat(stores.accounts().search("GITHUB", 0, 10)).extracting(SocialAccount::uid).containsExactly("583231");
        assertThat(stores.accounts().search("5832", 0, 10)).extracting(SocialAccount::uid).containsExactly("583231");
        assertThat(stores.accounts().search("ADA@EXAMPLE", 0, 10)).extracting(a -> a.provider() + "/" + a.uid())
                .containsExactly("github/583231", "google/ada-google");
        assertThat(stores.accounts().search("bob", 0, 10)).extracting(SocialAccount::uid).containsExactly("bob-google");
        assertThat(stores.accounts().search("nobody", 0, 10)).isEmpty();
    }

    @Test
    void aBlankSearchPagesThroughEveryLinkOrderedByProviderThenUid() {
        stores.accounts().link(ada.id(), signIn("github", "z", Map.of(), null, T1));

        assertThat(stores.accounts().search(" ", 0, 10)).extracting(a -> a.provider() + "/" + a.uid())
                .containsExactly("github/z", "google/ada-google", "google/bob-google");
        assertThat(stores.accounts().search("", 1, 1)).extracting(SocialAccount::uid).containsExactly("ada-google");
    }

    @Test
    void searchTreatsLikeWildcardsAsText() {
        assertThat(stores.accounts().search("%", 0, 10)).isEmpty();
        assertThat(stores.accounts().search("_", 0, 10)).isEmpty();
    }

    @Test
    void deleteTokenForgetsTheTokenAndKeepsTheLink() {
        assertThat(stores.accounts().deleteToken("google", "ada-google")).isTrue();

        assertThat(stores.accounts().findToken("google", "ada-google")).isEmpty();
        assertThat(stores.accounts().find("google", "ada-google")).isPresent();
        assertThat(stores.accounts().deleteToken("google", "ada-google")).isFalse();
        assertThat(stores.accounts().findToken("google", "bob-google")).isPresent();
    }

    @Test
    void aTokensGrantedScopesAreKept() {
        stores.accounts().recordLogin(signIn("google", "ada-google", Map.of(),
                new SocialToken("at-2", null, T1, Set.of("openid", "email")), T1));

        assertThat(stores.accounts().findToken("google", "ada-google")).hasValueSatisfying(t -> {
            assertThat(t.scopes()).containsExactlyInAnyOrder("openid", "email");
            assertThat(t.refreshToken()).isEqualTo("rt");
        });
    }
}
