/**
 * Where sign-in sessions live when the host gives no shared {@link io.gatehouse.sso.spi.SessionRegistry}: {@link
 * io.gatehouse.sso.core.session.LocalSessionRegistry}, this node's memory. It fits one node; with several, give
 * every node the same shared registry (the JDBC store's) so a logout on one ends the session on all.
 */
package io.gatehouse.sso.core.session;
