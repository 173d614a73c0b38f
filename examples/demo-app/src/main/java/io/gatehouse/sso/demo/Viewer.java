package io.gatehouse.sso.demo;

/**
 * Who is looking at a page, as the page chrome needs it.
 *
 * @param username  the signed-in SSO user's name, or null
 * @param admin     whether the administrator is signed in
 * @param csrfToken the session's CSRF token, for the forms in the chrome (sign-out)
 */
public record Viewer(String username, boolean admin, String csrfToken) {

    public boolean signedIn() {
        return username != null;
    }
}
