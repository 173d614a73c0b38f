package io.gatehouse.sso.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.testidp.FakeIdp;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The userinfo endpoint as an attacker surface: a subject other than the ID token's (covered for plain
 * JSON by {@code HostileIdTokenTest.userinfoWithAnotherSubjectIsRefused}), and {@code userinfo_signed: true},
 * which demands an {@code application/jwt} answer signed with one of the IdP's published keys.
 */
class UserInfoTest {
    SecurityBench bench;

    @AfterEach
    void close() {
        bench.close();
    }

    static MockResponse jwt(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/jwt").body(body).build();
    }

    JWTClaimsSet userinfo(String sub) {
        return new JWTClaimsSet.Builder().subject(sub).issuer(bench.idp.issuer()).audience(FakeIdp.CLIENT_ID)
                .claim("email", "ada@example.com").claim("department", "engineering").build();
    }

    LoginOutcome login() {
        return bench.loginWith(p -> bench.idp.sign(bench.claims(p).build()));
    }

    @Test
    void withUserinfoSignedAnUnsignedJsonAnswerIsRefused() {
        bench = new SecurityBench(Map.of("fetch_userinfo", true, "userinfo_signed", true));
        bench.idp.answerUserInfo(r -> FakeIdp.json(200, "{\"sub\":\"subject-1\",\"department\":\"engineering\"}"));

        bench.assertRefused(login(), FailureCode.IDP_RESPONSE_INVALID);
    }

    @Test
    void withUserinfoSignedAnAnswerSignedByTheIdpIsAcceptedAndMerged() {
        bench = new SecurityBench(Map.of("fetch_userinfo", true, "userinfo_signed", true));
        bench.idp.answerUserInfo(r -> jwt(bench.idp.sign(userinfo("subject-1"))));

        assertThat(login()).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(bench.fx.store.find(SecurityBench.ROUTE, "subject-1").orElseThrow().extraData())
                .containsEntry("department", "engineering");
    }

    @Test
    void aSignedUserinfoWithABadSignatureIsRefused() {
        bench = new SecurityBench(Map.of("fetch_userinfo", true, "userinfo_signed", true));
        bench.idp.answerUserInfo(r -> jwt(bench.idp.sign(userinfo("subject-1"), bench.idp.strangerKey(), true)));

        bench.assertRefused(login(), FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aSignedUserinfoWithATamperedPayloadIsRefused() {
        bench = new SecurityBench(Map.of("fetch_userinfo", true, "userinfo_signed", true));
        bench.idp.answerUserInfo(r -> {
            String[] genuine = bench.idp.sign(userinfo("subject-1")).split("\\.");
            String forged = bench.idp.sign(new JWTClaimsSet.Builder(userinfo("subject-1")).claim("email_verified", true)
                    .claim("email", "admin@example.com").build()).split("\\.")[1];
            return jwt(genuine[0] + "." + forged + "." + genuine[2]);
        });

        bench.assertRefused(login(), FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void anAlgNoneUserinfoJwtIsRefusedEvenWhenSignaturesAreNotRequired() {
        bench = new SecurityBench(Map.of("fetch_userinfo", true));
        bench.idp.answerUserInfo(r -> jwt(bench.idp.unsigned(userinfo("subject-1"))));

        bench.assertRefused(login(), FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void anHs256UserinfoJwtKeyedWithThePublicKeyIsRefused() {
        bench = new SecurityBench(Map.of("fetch_userinfo", true, "userinfo_signed", true));
        bench.idp.answerUserInfo(r -> jwt(bench.idp.signHs256WithPublicKey(userinfo("subject-1"))));

        bench.assertRefused(login(), FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aSignedUserinfoForAnotherSubjectIsRefused() {
        bench = new SecurityBench(Map.of("fetch_userinfo", true, "userinfo_signed", true));
        bench.idp.answerUserInfo(r -> jwt(bench.idp.sign(userinfo("admin"))));

        bench.assertRefused(login(), FailureCode.USERINFO_SUBJECT_MISMATCH);
    }

    @Test
    void aUserinfoAnswerWithoutSubjectIsRefused() {
        bench = new SecurityBench(Map.of("fetch_userinfo", true));
        bench.idp.answerUserInfo(r -> FakeIdp.json(200, "{\"email\":\"admin@example.com\",\"email_verified\":true}"));

        bench.assertRefused(login(), FailureCode.USERINFO_SUBJECT_MISMATCH);
    }

    @Test
    void aUserinfoServerErrorIsATypedRefusal() {
        bench = new SecurityBench(Map.of("fetch_userinfo", true));
        bench.idp.answerUserInfo(r -> FakeIdp.json(500, "{\"error\":\"server_error\"}"));

        bench.assertRefused(login(), FailureCode.IDP_RESPONSE_INVALID);
    }

    @Test
    void theAccessTokenTravelsToUserinfoOnlyInTheAuthorizationHeader() {
        bench = new SecurityBench(Map.of("fetch_userinfo", true));
        List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
        bench.idp.answerUserInfo(r -> {
            seen.add(r);
            return FakeIdp.json(200, "{\"sub\":\"subject-1\"}");
        });

        assertThat(login()).isInstanceOf(LoginOutcome.SignedIn.class);
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getHeaders().get("Authorization")).startsWith("Bearer " + Secrets.ACCESS_TOKEN_MARK);
            assertThat(r.getUrl().toString()).doesNotContain(Secrets.ACCESS_TOKEN_MARK);
        });
    }
}
