/**
 * For hosts that implement the persistence SPI themselves: thread-safe in-memory implementations of every
 * store (for tests and trials), and the contract tests an implementation must pass, as abstract JUnit 5
 * classes to extend ({@link io.gatehouse.sso.testkit.UserDirectoryContract} and its siblings).
 *
 * <pre>{@code
 * class MyUserDirectoryTest extends UserDirectoryContract {
 *     protected IdentityStores newStores() { return myStoresOnAFreshDatabase(); }
 * }
 * }</pre>
 */
package io.gatehouse.sso.testkit;
