package io.gatehouse.sso.spi;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Deep, order-keeping, unmodifiable copies of JSON-shaped values (maps, lists, scalars).
 * Records in this package hold JSON objects; copying them keeps the records truly immutable
 * while still allowing {@code null} values, which {@link Map#copyOf} refuses. A value this class
 * froze is recognised and kept as it is: a login's claims pass from one record to the next
 * ({@link IdentitySignIn}, then the stored {@link SocialAccount}) without being copied again.
 */
final class Frozen {
    private Frozen() {
    }

    static Map<String, Object> map(Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        if (source instanceof FrozenMap frozen) {
            return frozen;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, value(v)));
        return new FrozenMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return map((Map<String, ?>) m);
        }
        if (v instanceof FrozenList) {
            return v;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(e -> copy.add(value(e)));
            return new FrozenList(copy);
        }
        return v;
    }

    /** A map only this class made and nobody else holds; the mutators of {@link AbstractMap} throw. */
    private static final class FrozenMap extends AbstractMap<String, Object> {
        private final Map<String, Object> values;

        FrozenMap(Map<String, Object> owned) {
            this.values = Collections.unmodifiableMap(owned);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return values.entrySet();
        }

        @Override
        public Object get(Object key) {
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public int size() {
            return values.size();
        }
    }

    /** A list only this class made and nobody else holds; the mutators of {@link AbstractList} throw. */
    private static final class FrozenList extends AbstractList<Object> implements RandomAccess {
        private final List<Object> values;

        FrozenList(List<Object> owned) {
            this.values = owned;
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }

        @Override
        public int size() {
            return values.size();
        }
    }
}
