package io.gatehouse.sso.jdbc;

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
 * JSON text for the JSON-shaped values the SPI records hold (app settings, IdP claims): maps, lists,
 * strings, numbers, booleans and {@code null}. Hand-written because this module depends on the SPI only.
 * Numbers read back as Jackson reads them by default (Integer, then Long, then BigInteger; Double for
 * fractions), so a value round-trips equal to what the login flow stored. Any other object (a
 * {@code Date} among raw claims, say) is written as its {@code toString()}: storing a login must not fail
 * over one odd claim.
 */
final class JsonText {
    private JsonText() {
    }

    static String write(Map<String, ?> map) {
        StringBuilder out = new StringBuilder();
        value(out, map);
        return out.toString();
    }

    /** The map as it reads back from storage, so a store can return exactly what a later read returns. */
    static Map<String, Object> stored(Map<String, ?> map) {
        return readObject(write(map == null ? Map.of() : map));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(String text) {
        Object value = new Reader(text).document();
        if (!(value instanceof Map<?, ?>)) {
            throw new PersistenceException("stored JSON is not an object");
        }
        return (Map<String, Object>) value;
    }

    private static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())
                || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            out.append("null"); // JSON has no NaN or infinity
        } else if (v instanceof Number n) {
            out.append(n instanceof BigDecimal bd ? bd.toString() : n.toString());
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                value(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof Collection<?> c) {
            array(out, new ArrayList<>(c));
        } else if (v.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                items.add(Array.get(v, i));
            }
            array(out, items);
        } else {
            string(out, v.toString());
        }
    }

    private static void array(StringBuilder out, List<?> items) {
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            value(out, items.get(i));
        }
        out.append(']');
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A recursive-descent reader; stored JSON was written by {@link #write}, so errors mean a damaged row. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        Object document() {
            Object v = value();
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the JSON value");
            }
            return v;
        }

        private Object value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char ch = text.charAt(pos);
            return switch (ch) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek('}')) {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (!peek('"')) {
                    throw error("expected a key");
                }
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (peek(',')) {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek(']')) {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (peek(',')) {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            pos++;
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char ch = text.charAt(pos++);
                if (ch == '"') {
                    return out.toString();
                }
                if (ch != '\\') {
                    out.append(ch);
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                char esc = text.charAt(pos++);
                switch (esc) {
                    case '"', '\\', '/' -> out.append(esc);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
            throw error("unterminated string");
        }

        private Object number() {
            int start = pos;
            boolean fraction = false;
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (ch == '.' || ch == 'e' || ch == 'E') {
                    fraction = true;
                } else if (!(ch == '-' || ch == '+' || (ch >= '0' && ch <= '9'))) {
                    break;
                }
                pos++;
            }
            String n = text.substring(start, pos);
            try {
                if (fraction) {
                    return Double.valueOf(n);
                }
                BigInteger big = new BigInteger(n);
                if (big.bitLength() < 32) {
                    return big.intValue();
                }
                return big.bitLength() < 64 ? (Object) big.longValue() : big;
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected token");
            }
            pos += word.length();
            return value;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean peek(char ch) {
            return pos < text.length() && text.charAt(pos) == ch;
        }

        private void expect(char ch) {
            if (!peek(ch)) {
                throw error("expected '" + ch + "'");
            }
            pos++;
        }

        private PersistenceException error(String what) {
            return new PersistenceException("stored JSON is damaged: " + what + " at character " + pos);
        }
    }
}
