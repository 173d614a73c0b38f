package io.gatehouse.sso.example;

import io.gatehouse.sso.core.LoginChoice;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.demo.DemoMail;
import io.gatehouse.sso.spring.security.GatehouseUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/** The example's four pages, as plain HTML: home, login (the providers' buttons), the admin area and the local inbox. */
@Controller
class Pages {
    private final LoginEngine engine;
    private final ObjectProvider<LocalServices> local;

    Pages(LoginEngine engine, ObjectProvider<LocalServices> local) {
        this.engine = engine;
        this.local = local;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String home(Authentication who, CsrfToken csrf) {
        if (who == null || !(who.getPrincipal() instanceof GatehouseUser user)) {
            return page("Home", "<p>Not signed in. <a href=\"/login\">Sign in</a> or try the <a href=\"/admin\">admin area</a>.</p>");
        }
        String authorities = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted()
                .collect(Collectors.joining(", "));
        return page("Home", "<p>Signed in as <strong>" + htmlEscape(user.username()) + "</strong> (" + htmlEscape(user.email())
                + ").</p><p>Authorities: <code>" + htmlEscape(authorities.isEmpty() ? "none" : authorities) + "</code></p>"
                + "<p><a href=\"/admin\">Admin area</a> (needs the group admin)</p>"
                + "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"" + csrf.getParameterName()
                + "\" value=\"" + htmlEscape(csrf.getToken()) + "\"><button>Sign out</button></form>");
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(@RequestParam(name = "next", defaultValue = "/") String next, HttpServletRequest request) {
        URI base = URI.create(request.getScheme() + "://" + request.getHeader("Host") + request.getContextPath());
        StringBuilder buttons = new StringBuilder("<ul>");
        for (LoginChoice choice : engine.loginChoices(base)) {
            buttons.append("<li><a href=\"").append(htmlEscape(choice.loginUrl() + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                    .append("\">Sign in with ").append(htmlEscape(choice.name())).append("</a></li>");
        }
        return page("Sign in", buttons.append("</ul>").toString());
    }

    @GetMapping(value = "/admin", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String admin(Authentication who) {
        return page("Admin area", "<p>Welcome, " + htmlEscape(who.getName()) + ": you are in the group admin.</p>");
    }

    @GetMapping(value = "/mail", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String mail() {
        LocalServices services = local.getIfAvailable();
        if (services == null) {
            return page("Inbox", "<p>The local mail server is not running.</p>");
        }
        StringBuilder list = new StringBuilder("<ul>");
        for (DemoMail mail : services.mailbox().messages()) {
            list.append("<li><strong>").append(htmlEscape(mail.subject())).append("</strong> to ")
                    .append(htmlEscape(String.join(", ", mail.to()))).append("<pre>").append(htmlEscape(mail.text())).append("</pre></li>");
        }
        return page("Inbox of the local mail server", list.append("</ul>").toString());
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + htmlEscape(title)
                + "</title></head><body><h1>" + htmlEscape(title) + "</h1>" + body + "</body></html>";
    }
}
