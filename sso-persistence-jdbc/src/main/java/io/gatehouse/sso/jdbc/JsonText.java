package io.gatehouse.sso.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.sso.spi.PersistenceException;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text (Jackson) for the JSON-shaped values the SPI records hold: app settings and IdP claims.
 * Numbers read back as Jackson reads them (Integer, then Long, then BigInteger; Double for fractions), so
 * a value round-trips equal to what the login flow stored. Sets and arrays are stored as lists; any other
 * object (a {@code Date} among raw claims, say) as its {@code toString()}: storing a login must not fail over
 * one odd claim.
 */
final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonText() {
    }

    static String write(Map<String, ?> map) {
        try {
            return JSON.writeValueAsString(plain(map));
        } catch (JsonProcessingException e) {
            throw new PersistenceException("a JSON value could not be written: " + e.getOriginalMessage(), e);
        }
    }

    /** The map as it reads back from storage, so a store can return exactly what a later read returns. */
    static Map<String, Object> stored(Map<String, ?> map) {
        return readObject(write(map == null ? Map.of() : map));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(String text) {
        Object value;
        try {
            value = JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            // never quote the stored text: it may hold tokens' claims
            throw new PersistenceException("stored JSON is damaged at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new PersistenceException("stored JSON is not an object");
        }
        return (Map<String, Object>) value;
    }

    /** Maps, lists and JSON scalars as they are; sets and arrays as lists; NaN and infinities as null; anything else as text. */
    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(plain(Array.get(value, i)));
            }
            return out;
        }
        return value.toString();
    }
}
