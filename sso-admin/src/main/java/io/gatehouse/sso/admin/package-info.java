/**
 * Gatehouse's admin pages, a servlet a host mounts under a path of its choice: social applications with
 * "Check this application", login settings, linked accounts and their tokens, the error log and a test mail,
 * behind the host's {@link io.gatehouse.sso.admin.AdminAuthorization}.
 *
 * <pre>{@code
 * AdminServlet admin = AdminServlet.builder(config).apps(apps).accounts(accounts).users(users)
 *         .settings(settings).errorLog(errorLog).authorization(request -> request.isUserInRole("admin")).build();
 * }</pre>
 */
package io.gatehouse.sso.admin;
