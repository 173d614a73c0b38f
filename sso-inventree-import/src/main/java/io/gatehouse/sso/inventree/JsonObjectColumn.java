package io.gatehouse.sso.inventree;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A column that must hold a JSON object (allauth's {@code extra_data}, an app's {@code settings}), read whether the
 * database stores it as JSON or as text. A value that is not an object is refused with the reason, never quoting
 * it: {@code extra_data} can hold personal data and ID tokens.
 */
final class JsonObjectColumn {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonObjectColumn() {
    }

    /**
     * @param column  the column's name, for the reason
     * @param text    the stored value; null or blank means an empty object when {@code blankIsEmpty}
     * @throws IllegalArgumentException saying why the value is not a JSON object
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String column, String text, boolean blankIsEmpty) {
        if (text == null || text.isBlank()) {
            if (blankIsEmpty) {
                return Map.of();
            }
            throw new IllegalArgumentException(column + " is empty, not a JSON object");
        }
        Object value;
        try {
            value = JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(column + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        String kind = value instanceof String ? "a JSON string (was it encoded twice?)" : value instanceof List ? "a JSON list"
                : value == null ? "JSON null" : "a JSON " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        throw new IllegalArgumentException(column + " is " + kind + ", not a JSON object");
    }
}
