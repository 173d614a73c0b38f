package io.gatehouse.sso.spi;

import java.util.Objects;

/**
 * A local group (role) a user can belong to.
 *
 * @param id   store-assigned id
 * @param name unique name
 */
public record Group(String id, String name) {
    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
