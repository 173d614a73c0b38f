package io.gatehouse.sso.inventree;

import java.time.Instant;

/**
 * An InvenTree installation that has used single sign-on for a while: a Keycloak realm (allauth's
 * {@code openid_connect} with provider id {@code keycloak}, as allauth 0.56+ configures Keycloak), GitHub and
 * Microsoft apps, users signed in through them with their groups and tokens, an admin and a user without SSO,
 * and (as real installations have) a GitLab app that Gatehouse has no module for.
 */
final class InvenTreeSample {
    static final String ALICE_SUB = "f3b8a9e2-5c1d-4e0a-9b7f-2d6c8e1a4b3c";
    static final String BOB_GITHUB_ID = "583231";
    static final String CAROL_MICROSOFT_ID = "00000000-0000-0000-66f3-3332eca7ea81";
    static final String DAVE_SUB = "7d1c0a52-9e4b-4f6d-8a3e-1b2c3d4e5f60";
    static final String FRANK_GITHUB_ID = "9919";
    static final String ALICE_ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.alice-access-token-value";
    static final String ALICE_REFRESH_TOKEN = "eyJhbGciOiJIUzI1NiJ9.alice-refresh-token-value";
    static final String BOB_ACCESS_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    static final String KEYCLOAK_SECRET = "kc-client-secret-value-123";

    final int keycloakApp;
    final int githubApp;
    final int gitlabApp;
    final int alice;
    final int bob;
    final int dave;
    final int erin;

    /** @param keycloakIssuer the realm URL the Keycloak app's {@code server_url} names */
    InvenTreeSample(InvenTreeDatabase db, String keycloakIssuer) {
        int defaultSite = db.site("example.com", "example.com");
        int localhost = db.site("localhost", "InvenTree");
        int engineering = db.group("engineering");
        int purchasing = db.group("purchasing");
        db.group("admin");

        keycloakApp = db.app("openid_connect", "keycloak", "Company Keycloak", "inventree", KEYCLOAK_SECRET,
                "{\"server_url\": \"" + keycloakIssuer + "\"}", localhost);
        githubApp = db.app("github", "", "GitHub", "Iv1.8a61f9b3a7aba766", "github-client-secret-value", "{}", localhost);
        db.app("microsoft", "", "Microsoft", "6731de76-14a6-49ae-97bc-6eba6914391e", "ms-secret-value",
                "{\"tenant\": \"organizations\"}", defaultSite);
        gitlabApp = db.app("gitlab", "", "GitLab", "gl-client-id", "gl-secret", "{}", localhost);

        db.user("admin", "admin@example.com", "", "", true);
        alice = db.user("alice", "alice@example.com", "Alice", "Archer", true, engineering, purchasing);
        // allauth 65.10+ keeps an OpenID Connect account's ID token and userinfo apart in extra_data
        String claims = "\"sub\": \"" + ALICE_SUB + "\", \"email\": \"alice@example.com\", \"email_verified\": true,"
                + " \"preferred_username\": \"alice\", \"given_name\": \"Alice\", \"family_name\": \"Archer\"";
        int aliceAccount = db.account(alice, "keycloak", ALICE_SUB, "{\"id_token\": {\"iss\": \"" + keycloakIssuer
                + "\", \"aud\": \"inventree\", " + claims + "}, \"userinfo\": {" + claims
                + ", \"groups\": [\"/inventree/engineering\"]}}");
        db.token(aliceAccount, keycloakApp, ALICE_ACCESS_TOKEN, ALICE_REFRESH_TOKEN, Instant.parse("2025-03-02T08:20:00Z"));

        bob = db.user("bob", "bob@example.com", "Bob", "Baker", true, purchasing);
        int bobAccount = db.account(bob, "github", BOB_GITHUB_ID, "{\"login\": \"octocat\", \"id\": 583231, \"node_id\":"
                + " \"MDQ6VXNlcjU4MzIzMQ==\", \"type\": \"User\", \"name\": \"Bob Baker\", \"email\": \"bob@example.com\"}");
        db.token(bobAccount, githubApp, BOB_ACCESS_TOKEN, "", null);

        int carol = db.user("carol", "carol@contoso.com", "Carol", "Cole", true);
        db.account(carol, "microsoft", CAROL_MICROSOFT_ID, "{\"id\": \"" + CAROL_MICROSOFT_ID + "\", \"displayName\":"
                + " \"Carol Cole\", \"mail\": \"carol@contoso.com\", \"userPrincipalName\": \"carol@contoso.com\"}");

        // signed in with Keycloak and with GitLab: GitLab has no Gatehouse module, so dave is not imported at all
        dave = db.user("dave", "dave@example.com", "Dave", "Dunn", true, engineering);
        db.account(dave, "keycloak", DAVE_SUB, "{\"sub\": \"" + DAVE_SUB + "\", \"email\": \"dave@example.com\"}");
        db.account(dave, "gitlab", "3001", "{\"id\": 3001, \"username\": \"dave\"}");

        // extra_data encoded twice (a JSON string holding JSON): valid jsonb, but not the object allauth writes
        erin = db.user("erin", "erin@example.com", "Erin", "Ellis", true);
        db.account(erin, "keycloak", "0b6e3c1d-erin", "\"{\\\"sub\\\": \\\"0b6e3c1d-erin\\\"}\"");

        int frank = db.user("frank", "frank@example.com", "Frank", "Fox", false);
        db.account(frank, "github", FRANK_GITHUB_ID, "{\"login\": \"frank\", \"id\": 9919}");

        db.user("grace", "grace@example.com", "Grace", "Green", true);
    }
}
