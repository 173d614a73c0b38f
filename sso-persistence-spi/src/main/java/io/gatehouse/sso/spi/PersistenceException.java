package io.gatehouse.sso.spi;

/** A store could not do what was asked (database down, constraint broken). Base of the SPI's typed errors. */
public class PersistenceException extends RuntimeException {
    /**
     * A store failure with no underlying cause.
     *
     * @param message what failed, for the error log; never a secret
     */
    public PersistenceException(String message) {
        super(message);
    }

    /**
     * A store failure caused by another exception (a driver's {@code SQLException}, say).
     *
     * @param message what failed, for the error log; never a secret
     * @param cause the underlying failure
     */
    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
