package io.gatehouse.sso.core.provider;

import java.util.Objects;

/**
 * An email address as the IdP asserts it.
 *
 * @param address  the address as sent
 * @param verified true only when the IdP states the address is verified
 * @param primary  the IdP's primary address for the user
 */
public record EmailAddress(String address, boolean verified, boolean primary) {
    /**
     * Requires the address.
     *
     * @param address the address as sent
     * @param verified true only when the IdP states the address is verified
     * @param primary the IdP's primary address for the user
     */
    public EmailAddress {
        Objects.requireNonNull(address, "address");
    }
}
