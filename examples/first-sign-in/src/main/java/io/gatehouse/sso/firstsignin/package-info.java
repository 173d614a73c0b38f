/**
 * The README's "Your first sign-in" as a runnable class: an embedded Jetty app that signs users in with any
 * OpenID Connect IdP. Not published; its test starts it and signs into it.
 *
 * <pre>{@code
 * mvn -B -q -pl examples/first-sign-in -am compile exec:java   # with the variables of the README's step 4
 * }</pre>
 */
package io.gatehouse.sso.firstsignin;
