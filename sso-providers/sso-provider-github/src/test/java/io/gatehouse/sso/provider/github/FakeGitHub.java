package io.gatehouse.sso.provider.github;

import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.testidp.FakeServers;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * GitHub's OAuth web flow and REST API on MockWebServer, answering with the shapes GitHub documents
 * (examples from docs.github.com). The API answers both at the root (as api.github.com does) and under
 * {@code /api/v3} (as a GitHub Enterprise Server does).
 */
final class FakeGitHub implements AutoCloseable {
    static final String CLIENT_ID = "Iv1.8a61f9b3a7aba766";
    static final String CLIENT_SECRET = "github-client-secret-1e5a4c9d0b";
    static final String ACCESS_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    static final String CODE = "github-code-7f3c2d1e";

    static final String OCTOCAT = """
            {"login": "octocat", "id": 583231, "node_id": "MDQ6VXNlcjE=",
             "avatar_url": "https://github.com/images/error/octocat_happy.gif", "html_url": "https://github.com/octocat",
             "type": "User", "site_admin": false, "name": "Mona Lisa Octocat", "company": "GitHub",
             "blog": "https://github.com/blog", "location": "San Francisco", "email": "octocat@github.com",
             "hireable": false, "bio": "There once was...", "public_repos": 2, "followers": 20, "following": 0,
             "created_at": "2008-01-14T04:33:35Z", "updated_at": "2008-01-14T04:33:35Z"}""";
    static final String OCTOCAT_PRIVATE_EMAIL = OCTOCAT.replace("\"email\": \"octocat@github.com\"", "\"email\": null");
    static final String EMAILS = """
            [{"email": "octocat@github.com", "verified": true, "primary": true, "visibility": "private"},
             {"email": "mona@example.com", "verified": false, "primary": false, "visibility": null}]""";

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<RecordedRequest, MockResponse>> api = new ConcurrentHashMap<>();
    private volatile Function<RecordedRequest, MockResponse> token = r -> json(200,
            "{\"access_token\": \"" + ACCESS_TOKEN + "\", \"scope\": \"read:user,user:email\", \"token_type\": \"bearer\"}");

    FakeGitHub() {
        answer("/user", r -> json(200, OCTOCAT));
        answer("/user/emails", r -> json(200, EMAILS));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String path = request.getUrl().encodedPath();
                if (path.equals("/login/oauth/authorize")) {
                    String location = request.getUrl().queryParameter("redirect_uri") + "?code=" + CODE + "&state="
                            + request.getUrl().queryParameter("state");
                    return new MockResponse.Builder().code(302).addHeader("Location", location).build();
                }
                if (path.equals("/login/oauth/access_token")) {
                    return token.apply(request);
                }
                String apiPath = path.startsWith("/api/v3/") ? path.substring("/api/v3".length()) : path;
                Function<RecordedRequest, MockResponse> responder = api.get(apiPath);
                return responder != null ? responder.apply(request)
                        : json(404, "{\"message\": \"Not Found\", \"documentation_url\": \"https://docs.github.com/rest\", \"status\": \"404\"}");
            }
        });
        FakeServers.start(server);
    }

    String base() {
        return FakeServers.origin(server);
    }

    /** Settings that point every endpoint at this fake, as github.com-style separate URLs. */
    Map<String, Object> endpoints() {
        return Map.of("authorize_url", base() + "/login/oauth/authorize", "token_url", base() + "/login/oauth/access_token",
                "api_url", base());
    }

    void answerToken(Function<RecordedRequest, MockResponse> responder) {
        token = responder;
    }

    void answer(String apiPath, Function<RecordedRequest, MockResponse> responder) {
        api.put(apiPath, responder);
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    RecordedRequest request(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no request to " + path + "; got " + requests.stream()
                        .map(r -> r.getUrl().encodedPath()).toList()));
    }

    static MockResponse json(int code, String body) {
        return FakeIdp.json(code, body);
    }

    static MockResponse noContent() {
        return new MockResponse.Builder().code(204).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
