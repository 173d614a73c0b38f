package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.servlet.Page;
import io.gatehouse.sso.spi.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static io.gatehouse.sso.servlet.PageRenderer.DEFAULT_CSP;

/**
 * The extension points as docs/servlet.md shows them: copies of the interfaces' declarations without their Javadoc.
 * InterfaceExcerptsTest checks each against the real interface of io.gatehouse.sso.servlet.
 */
final class ServletInterfaceExcerpts {
    // snippet:session-binder
    public interface SessionBinder {
        void signIn(HttpServletRequest request, HttpServletResponse response, User user);
        Optional<String> currentUserId(HttpServletRequest request);   // connect, disconnect
        default void signOut(HttpServletRequest request, HttpServletResponse response) { /* invalidates the HTTP session */ }
    }
    // end:session-binder

    // snippet:csrf-check
    public interface CsrfCheck {
        boolean allows(HttpServletRequest request, URI baseUrl);
        default Map<String, String> hiddenFields(HttpServletRequest request) { return Map.of(); }
    }
    // end:csrf-check

    // snippet:page-renderer
    public interface PageRenderer {
        String render(Page page, HttpServletRequest request);
        default String contentSecurityPolicy() { return DEFAULT_CSP; }
    }
    // end:page-renderer
}
