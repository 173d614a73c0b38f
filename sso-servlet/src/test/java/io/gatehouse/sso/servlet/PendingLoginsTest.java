package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.HttpBrowser;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.testidp.FakeIdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser sent through the login route again and again (a user clicking, a page looping, another site redirecting
 * it) keeps a bounded number of transaction cookies, so its {@code Cookie} header stays far below the 8 KB that
 * common reverse proxies accept, while logins in parallel tabs still finish.
 */
class PendingLoginsTest {
    static final String LOGIN = "/app/accounts/openid_connect/login/";

    final FakeIdp idp = new FakeIdp();
    final IdpCodes codes = new IdpCodes(idp, Clock.systemUTC());
    final HttpBrowser browser = new HttpBrowser();
    TestServer server;

    @BeforeEach
    void setUp() {
        EngineFixture fx = new EngineFixture();
        fx.addOidcApp(idp);
        server = TestServer.with(SsoServlet.builder(fx.engine(new OpenIdConnectBackend())).build());
    }

    @AfterEach
    void tearDown() {
        server.close();
        idp.close();
    }

    /** Begins a login in this browser. */
    BegunLogin begin() {
        return BegunLogin.at(browser, server);
    }

    HttpResponse<String> finishAs(BegunLogin login, String subject) {
        return browser.get(login.callback(codes.issue(login, subject)));
    }

    long transactionCookies() {
        return browser.cookies().stream().filter(c -> c.getName().startsWith(TransactionCookie.NAME_PREFIX)).count();
    }

    @Test
    void aHundredBegunLoginsLeaveAFewTransactionCookiesAndASmallCookieHeader() {
        for (int i = 0; i < 100; i++) {
            begin();
        }

        assertThat(transactionCookies()).isEqualTo(TransactionCookies.MAX_PENDING);
        String header = browser.cookieHeader(server.uri(LOGIN));
        // one sealed transaction is about 500 bytes: a hundred of them made 50 KB
        assertThat(header.length()).as(header).isLessThan(2_500);
    }

    @Test
    void afterAHundredBegunLoginsTheNewestFinishAndTheOldestAreGone() {
        List<BegunLogin> callbacks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            callbacks.add(begin());
        }

        HttpResponse<String> oldest = finishAs(callbacks.get(0), "ada");
        assertThat(oldest.statusCode()).isEqualTo(400);
        assertThat(oldest.body()).contains("transaction_missing");

        HttpResponse<String> newest = finishAs(callbacks.get(99), "ada");
        assertThat(newest.statusCode()).isEqualTo(302);
        assertThat(newest.headers().firstValue("Location")).hasValue("/app/");
    }

    @Test
    void loginsBegunInTwoTabsBothFinish() {
        BegunLogin firstTab = begin();
        BegunLogin secondTab = begin();

        assertThat(finishAs(secondTab, "ada").statusCode()).isEqualTo(302);
        assertThat(finishAs(firstTab, "grace").statusCode()).isEqualTo(302);
        assertThat(transactionCookies()).as("each callback cleared its own cookie").isZero();
    }

    @Test
    void theLoginsBegunJustBeforeTheBoundIsReachedAllSurvive() {
        List<BegunLogin> callbacks = new ArrayList<>();
        for (int i = 0; i < TransactionCookies.MAX_PENDING; i++) {
            callbacks.add(begin());
        }

        for (int i = 0; i < callbacks.size(); i++) {
            assertThat(finishAs(callbacks.get(i), "user" + i).statusCode()).as("login " + i).isEqualTo(302);
        }
    }
}
