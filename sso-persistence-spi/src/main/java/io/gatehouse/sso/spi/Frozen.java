package io.gatehouse.sso.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, order-keeping, unmodifiable copies of JSON-shaped values (maps, lists, scalars).
 * Records in this package hold JSON objects; copying them keeps the records truly immutable
 * while still allowing {@code null} values, which {@link Map#copyOf} refuses.
 */
final class Frozen {
    private Frozen() {
    }

    static Map<String, Object> map(Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, value(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return map((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(e -> copy.add(value(e)));
            return Collections.unmodifiableList(copy);
        }
        return v;
    }
}
