package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;

import java.sql.SQLException;

/**
 * A unique constraint refused a row: usually a concurrent caller stored the same thing first. The stores
 * catch it where a race is expected and read back the winner; elsewhere it reaches the caller as the
 * {@link PersistenceException} it is.
 */
final class DuplicateKeyException extends PersistenceException {
    DuplicateKeyException(SQLException cause) {
        super("a unique constraint refused the change: " + cause.getMessage(), cause);
    }
}
