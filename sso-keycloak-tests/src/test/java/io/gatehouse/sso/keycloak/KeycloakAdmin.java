package io.gatehouse.sso.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a Keycloak administrator does in these tests, through Keycloak's admin REST API: register the test
 * application's URLs on the client, and sign a user out of every session (which makes Keycloak call the application's
 * back-channel logout URI).
 */
final class KeycloakAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    KeycloakAdmin(URI base) {
        this.base = base;
    }

    /** The client's redirect URI pattern, post-logout redirect URI and back-channel logout URI. */
    void registerApplication(String clientId, String redirectUris, String postLogoutRedirectUri, String backChannelLogoutUri)
            throws IOException, InterruptedException {
        String realmAdmin = "/admin/realms/" + KeycloakServer.REALM;
        JsonNode clients = get(realmAdmin + "/clients?clientId=" + clientId);
        ObjectNode client = (ObjectNode) clients.get(0);
        client.putArray("redirectUris").add(redirectUris);
        ObjectNode attributes = (ObjectNode) client.get("attributes");
        attributes.put("post.logout.redirect.uris", postLogoutRedirectUri);
        attributes.put("backchannel.logout.url", backChannelLogoutUri);
        attributes.put("backchannel.logout.session.required", "true");
        send("PUT", realmAdmin + "/clients/" + client.get("id").asText(), JSON.writeValueAsString(client));
    }

    /** Signs the user out of all their Keycloak sessions, as the admin console's "Sign out" does. */
    void signOut(String username) throws IOException, InterruptedException {
        String realmAdmin = "/admin/realms/" + KeycloakServer.REALM;
        JsonNode users = get(realmAdmin + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        send("POST", realmAdmin + "/users/" + users.get(0).get("id").asText() + "/logout", "");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        require(answer, path);
        return JSON.readTree(answer.body());
    }

    private void send(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(authorized(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        require(answer, path);
    }

    private HttpRequest.Builder authorized(String path) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token());
    }

    /** A token of the bootstrap admin, from the master realm's admin-cli client. */
    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN + "&password="
                + URLEncoder.encode(KeycloakServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        require(answer, "admin token");
        return JSON.readTree(answer.body()).get("access_token").asText();
    }

    private static void require(HttpResponse<String> answer, String what) {
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak admin API " + what + " answered HTTP " + answer.statusCode() + ": " + answer.body());
        }
    }
}
