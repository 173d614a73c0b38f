/**
 * The one HTTP client for every call Gatehouse makes to an identity provider:
 * {@link io.gatehouse.sso.core.http.IdpHttpClient} keeps connections alive across logins and gives each call a
 * total deadline, a body size limit and no redirects; failures name the endpoint without its query
 * ({@link io.gatehouse.sso.core.http.Endpoints}). Provider modules reach it through their
 * {@link io.gatehouse.sso.core.provider.ProviderContext} ({@code context.clients().http()}).
 *
 * <pre>{@code
 * HTTPResponse me = context.clients().http().send(new HTTPRequest(HTTPRequest.Method.GET, userUrl), "GitHub GET /user");
 * }</pre>
 */
package io.gatehouse.sso.core.http;
