package io.gatehouse.sso.demo;

import io.gatehouse.sso.core.LoginChoice;
import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.servlet.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * {@code GET /login}: one button per provider the login engine offers on this site (the same list as the JSON
 * at {@code /accounts/providers}, rendered here on the server). A button is a plain link: starting a login is
 * {@code GET /accounts/<id>/login/}.
 */
final class LoginPageServlet extends PageServlet {

    LoginPageServlet(DemoContext demo) {
        super(demo);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        URI base;
        try {
            base = baseUrl(request);
        } catch (IllegalArgumentException e) {
            page(request, response, 400, "Bad request", "<h1>Bad request</h1><p>The request's host name is not valid.</p>");
            return;
        }
        boolean ssoEnabled;
        boolean registration;
        try {
            ssoEnabled = demo.engine().settings().ssoEnabled();
            registration = ssoEnabled && demo.engine().settings().registrationEnabled();
        } catch (InvalidSettingException e) {
            page(request, response, 200, "Sign in", "<h1>Sign in</h1><p class=\"error\">Single sign-on is unavailable: a login "
                    + "setting is invalid (" + Html.escape(e.getMessage()) + "). An admin can fix it under "
                    + "<a href=\"/admin/settings\">Login settings</a>.</p>");
            return;
        }
        List<LoginChoice> choices = demo.engine().loginChoices(base);
        StringBuilder html = new StringBuilder("<h1>Sign in</h1>");
        if (!ssoEnabled) {
            html.append("<p class=\"error\" id=\"sso-disabled\">Single sign-on is off. An admin turns it on with "
                    + "<code>LOGIN_ENABLE_SSO</code> under <a href=\"/admin/settings\">Login settings</a>.</p>");
        } else if (choices.isEmpty()) {
            html.append("<p class=\"error\" id=\"no-providers\">No identity provider is set up for this site ("
                    + Html.escape(base.getHost()) + "). An admin adds a social application for one of the enabled "
                    + "providers under <a href=\"/admin/apps\">Social applications</a>.</p>");
        } else {
            html.append("<p>Choose how to sign in:</p><div class=\"providers\" id=\"providers\">");
            for (LoginChoice choice : choices) {
                html.append("<a class=\"button provider\" id=\"login-").append(Html.escape(choice.id()))
                        .append("\" href=\"/accounts/").append(Html.escape(HomeServlet.urlPart(choice.id())))
                        .append("/login/?next=/\">Sign in with ").append(Html.escape(choice.name())).append("</a>");
            }
            html.append("</div>");
            if (registration && demo.engine().emailConfigured()) {
                html.append("<p class=\"hint\">New here? Signing in creates your account.</p>");
            } else if (registration) {
                html.append("<p class=\"hint\">New accounts cannot be created until mail is configured.</p>");
            } else {
                html.append("<p class=\"hint\">Only existing users can sign in (SSO registration is off).</p>");
            }
        }
        page(request, response, 200, "Sign in", html.toString());
    }
}
