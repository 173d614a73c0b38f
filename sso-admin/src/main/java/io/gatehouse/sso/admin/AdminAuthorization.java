package io.gatehouse.sso.admin;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may use the admin pages: the host decides, for every request (GET and POST alike). The default,
 * {@link #DENY_ALL}, refuses everyone, so mounting the pages without wiring this check exposes nothing.
 *
 * <pre>{@code
 * AdminAuthorization staffOnly = request -> request.isUserInRole("sso-admin");
 * AdminServlet admin = AdminServlet.builder(config, stores).authorization(staffOnly).build();
 * }</pre>
 */
@FunctionalInterface
public interface AdminAuthorization {

    /** Refuses every request. */
    AdminAuthorization DENY_ALL = request -> false;

    /**
     * @return true when this request's user may see and change the SSO administration
     *
     * @param request the request to the admin pages
     */
    boolean allows(HttpServletRequest request);
}
