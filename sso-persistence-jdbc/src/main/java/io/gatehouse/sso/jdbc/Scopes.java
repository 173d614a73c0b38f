package io.gatehouse.sso.jdbc;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** A token's granted scopes in one column: space-separated, as OAuth 2.0 writes them (RFC 6749 3.3). */
final class Scopes {
    private Scopes() {
    }

    static String format(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    static Set<String> parse(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(column.trim().split("\\s+")));
    }
}
