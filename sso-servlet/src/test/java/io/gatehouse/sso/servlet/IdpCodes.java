package io.gatehouse.sso.servlet;

import io.gatehouse.sso.testidp.FakeIdp;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The authorization codes a {@link FakeIdp} issues, each for one identity signing in to one begun login, and its
 * token endpoint redeeming them: as often as it is asked, like an IdP that does not enforce single-use codes, so
 * only Gatehouse can stop a replay. A test can change how the token endpoint answers ({@link #answering}) to
 * play a slow, failing or recovering IdP.
 */
final class IdpCodes {
    private final FakeIdp idp;
    private final Clock clock;
    private final Map<String, String> idTokens = new ConcurrentHashMap<>();
    private final AtomicInteger redeemed = new AtomicInteger();
    private volatile UnaryOperator<MockResponse> answer = UnaryOperator.identity();

    IdpCodes(FakeIdp idp, Clock clock) {
        this.idp = idp;
        this.clock = clock;
        idp.answerToken(this::redeem);
    }

    /** A code for {@code subject} (email {@code <subject>@example.com}, verified) signing in to {@code login}. */
    String issue(BegunLogin login, String subject) {
        String code = "code-" + UUID.randomUUID();
        idTokens.put(code, idp.sign(idp.claims(login.nonce(), clock.instant()).subject(subject)
                .claim("email", subject + "@example.com").claim("preferred_username", subject).build()));
        return code;
    }

    /** From now on the token endpoint's normal answer goes through {@code change} (a delay, a 503, a reset). */
    void answering(UnaryOperator<MockResponse> change) {
        this.answer = change;
    }

    /** The token endpoint answers normally again. */
    void recover() {
        answering(UnaryOperator.identity());
    }

    /** How many times a known code was redeemed. */
    int redeemed() {
        return redeemed.get();
    }

    private MockResponse redeem(RecordedRequest request) {
        String idToken = idTokens.get(formValue(request.getBody() == null ? "" : request.getBody().utf8(), "code"));
        if (idToken == null) {
            return FakeIdp.json(400, "{\"error\":\"invalid_grant\"}");
        }
        redeemed.incrementAndGet();
        return answer.apply(FakeIdp.json(200, "{\"access_token\":\"access-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"id_token\":\"" + idToken + "\"}"));
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
