package io.gatehouse.sso.spi;

import java.util.Objects;

/**
 * A local group (role) a user can belong to.
 *
 * @param id   store-assigned id
 * @param name unique name
 */
public record Group(String id, String name) {
    /**
     * Requires both parts.
     *
     * @param id store-assigned id
     * @param name unique name
     * @throws NullPointerException when {@code id} or {@code name} is null
     */
    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
