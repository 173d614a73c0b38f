/**
 * The login transaction that travels with the browser between the redirect to the IdP and the
 * callback: sealed with Nimbus JWE ({@link io.gatehouse.sso.core.transaction.Seal}) into a cookie
 * ({@link io.gatehouse.sso.core.transaction.TransactionCookie}), so no node keeps server memory and any
 * node with the same key can finish a login; {@link io.gatehouse.sso.core.transaction.ReplayGuard}
 * is the engine's per-node memory of used values when the host wires no shared
 * {@link io.gatehouse.sso.spi.SingleUseValues}.
 *
 * <p>{@link io.gatehouse.sso.core.transaction.TransactionCookie} is public API: adapters read its attributes
 * and name prefix. Every other type here is internal: not public API, may change without notice (public only
 * so the engine's own packages can share them).
 */
package io.gatehouse.sso.core.transaction;
