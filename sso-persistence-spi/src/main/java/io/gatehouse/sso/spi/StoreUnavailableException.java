package io.gatehouse.sso.spi;

/**
 * The store could not be reached in time: the database is down or restarting, the connection broke mid-call,
 * or no pooled connection became free within the pool's time-out. Nothing of the failed call was stored (a
 * transaction cut off is rolled back), and the same call may succeed moments later. Gatehouse answers it with
 * the failure code {@code store_unavailable} (HTTP 503) instead of an internal error. A store that cannot tell
 * the cause may throw a plain {@link PersistenceException}.
 *
 * <pre>{@code
 * try (Connection c = dataSource.getConnection()) {
 *     ...
 * } catch (SQLTransientConnectionException e) {
 *     throw new StoreUnavailableException("no connection within the pool's time-out", e);
 * }
 * }</pre>
 */
public class StoreUnavailableException extends PersistenceException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
