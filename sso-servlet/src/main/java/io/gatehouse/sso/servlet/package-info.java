/**
 * The Jakarta Servlet 6 adapter: {@link io.gatehouse.sso.servlet.SsoServlet} serves the login, callback, provider
 * list, connect, disconnect, sign-up and email-confirmation routes under {@code /accounts/}; a host decides how a
 * user is signed in ({@link io.gatehouse.sso.servlet.SessionBinder}), how POSTs are protected
 * ({@link io.gatehouse.sso.servlet.CsrfCheck}) and how pages look ({@link io.gatehouse.sso.servlet.PageRenderer}).
 * The package-private classes are internal: not public API, may change without notice.
 *
 * <pre>{@code
 * servletContext.addServlet("gatehouse-sso", SsoServlet.builder(engine).build()).addMapping("/accounts/*");
 * }</pre>
 */
package io.gatehouse.sso.servlet;
