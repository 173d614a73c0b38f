package io.gatehouse.sso.jdbc;

import java.util.OptionalLong;

/**
 * The SPI's ids are strings; this store's are the tables' numeric identity values. An id that is not a
 * number therefore names no row, which is "not found", not an error.
 */
final class RowId {
    private RowId() {
    }

    static OptionalLong parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 19) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(id);
            // only the form this store hands out: "007" or "+7" would otherwise come back as "7"
            return Long.toString(value).equals(id) ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
