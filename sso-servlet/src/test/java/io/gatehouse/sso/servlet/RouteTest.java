package io.gatehouse.sso.servlet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTest {

    @Test
    void eachRouteIsRecognisedWithOrWithoutTheTrailingSlash() {
        assertThat(Route.parse("/providers")).contains(new Route(Route.Kind.PROVIDERS, null, null));
        assertThat(Route.parse("/providers/")).contains(new Route(Route.Kind.PROVIDERS, null, null));
        assertThat(Route.parse("/github/login/")).contains(new Route(Route.Kind.LOGIN, "github", null));
        assertThat(Route.parse("/github/login")).contains(new Route(Route.Kind.LOGIN, "github", null));
        assertThat(Route.parse("/openid_connect/login/callback/")).contains(new Route(Route.Kind.CALLBACK, "openid_connect", null));
        assertThat(Route.parse("/github/disconnect/")).contains(new Route(Route.Kind.DISCONNECT, "github", null));
        assertThat(Route.parse("/signup/")).contains(new Route(Route.Kind.SIGNUP, null, null));
        assertThat(Route.parse("/confirm-email/abc.def-_g/")).contains(new Route(Route.Kind.CONFIRM_EMAIL, null, "abc.def-_g"));
    }

    @Test
    void anythingElseIsNoRoute() {
        assertThat(Route.parse(null)).isEmpty();
        assertThat(Route.parse("/")).isEmpty();
        assertThat(Route.parse("/github/")).isEmpty();
        assertThat(Route.parse("/github/login/callback/extra/")).isEmpty();
        assertThat(Route.parse("/git hub/login/")).isEmpty();
        assertThat(Route.parse("/<script>/login/")).isEmpty();
        assertThat(Route.parse("/confirm-email/a b/")).isEmpty();
        assertThat(Route.parse("//login/")).isEmpty();
    }

    @Test
    void theConfirmationTokenStaysOutOfTheRoutesText() {
        assertThat(Route.parse("/confirm-email/secret-token/").orElseThrow().toString()).doesNotContain("secret-token");
    }
}
