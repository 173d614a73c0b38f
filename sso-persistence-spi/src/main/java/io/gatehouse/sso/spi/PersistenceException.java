package io.gatehouse.sso.spi;

/** A store could not do what was asked (database down, constraint broken). Base of the SPI's typed errors. */
public class PersistenceException extends RuntimeException {
    public PersistenceException(String message) {
        super(message);
    }

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
