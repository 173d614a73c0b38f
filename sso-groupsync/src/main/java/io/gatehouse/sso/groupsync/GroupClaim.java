package io.gatehouse.sso.groupsync;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The groups claim of one login, read from the profile's raw claims (ID token overlaid by userinfo):
 * either the IdP's group names ({@link Found}), or why there are none to use ({@link Missing},
 * {@link Invalid}). Only {@link Found} may change a user's groups; the other two keep group sync fail-safe.
 *
 * <p>Reading rules:
 * <ul>
 *   <li>A JSON array of strings is the list of groups; duplicates count once, order is kept. An empty
 *       array is a real answer: the user is in no IdP group.</li>
 *   <li>A single string is one group name, taken verbatim (never split).</li>
 *   <li>A key with dots reaches into nested objects: {@code realm_access.roles} reads
 *       {@code claims["realm_access"]["roles"]}. At every level the longest key that exists wins, so a
 *       claim whose own name contains dots ({@code https://example.com/groups}, {@code a.b}) is read
 *       as-is before any nested look-up is tried.</li>
 *   <li>Absent (or JSON {@code null}) is {@link Missing}; a number, boolean, object, or an array with
 *       an entry that is not a string is {@link Invalid}.</li>
 * </ul>
 * Cost is linear in the size of the claim value; a lookup is a few hash probes per dot of the key.
 *
 * <pre>{@code
 * GroupClaim claim = GroupClaim.read(Map.of("realm_access", Map.of("roles", List.of("admin"))), "realm_access.roles");
 * if (claim instanceof GroupClaim.Found found) {
 *     found.groups(); // [admin]
 * }
 * }</pre>
 */
public sealed interface GroupClaim {

    /**
     * The IdP sent group names.
     *
     * @param groups distinct names in the order the IdP sent them (case kept; names are case-sensitive)
     */
    record Found(Set<String> groups) implements GroupClaim {
        /**
         * Copies the names, keeping their order (immutable).
         *
         * @param groups distinct names in the order the IdP sent them (case kept; names are case-sensitive)
         */
        public Found {
            groups = Collections.unmodifiableSet(new LinkedHashSet<>(groups));
        }
    }

    /**
     * The claim is not there: the IdP was not configured to send it, or the key names the wrong claim.
     *
     * @param reason      what exactly is missing, e.g. {@code the claim 'realm_access' has no 'roles'}
     * @param presentKeys the claim names present where the look-up stopped (names only, never values)
     */
    record Missing(String reason, Set<String> presentKeys) implements GroupClaim {
        /**
         * Requires the reason; copies the key names (sorted, immutable).
         *
         * @param reason what exactly is missing, e.g. {@code the claim 'realm_access' has no 'roles'}
         * @param presentKeys the claim names present where the look-up stopped (names only, never values)
         */
        public Missing {
            Objects.requireNonNull(reason, "reason");
            presentKeys = Collections.unmodifiableSet(new TreeSet<>(presentKeys));
        }
    }

    /**
     * The claim is there but does not hold group names.
     *
     * @param reason what is wrong with it, e.g. {@code is a number} or {@code has entry 2 that is an object}
     */
    record Invalid(String reason) implements GroupClaim {
        /**
         * Requires the reason.
         *
         * @param reason what is wrong with it, e.g. {@code is a number} or {@code has entry 2 that is an object}
         */
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Reads the groups claim named by {@code key} (the {@code SSO_GROUP_KEY} setting).
     *
     * @param claims the profile's raw claims
     * @param key    a claim name, or a dotted path into nested claims
     * @return what the claim holds; never null
     */
    static GroupClaim read(Map<String, ?> claims, String key) {
        Objects.requireNonNull(key, "key");
        Map<?, ?> level = claims == null ? Map.of() : claims;
        String rest = key;
        String reached = "";
        while (true) {
            if (level.containsKey(rest)) {
                return fromValue(level.get(rest), reached.isEmpty() ? rest : reached + "." + rest, level);
            }
            String head = longestPresentPrefix(level, rest);
            if (head == null) {
                String reason = reached.isEmpty()
                        ? "the login has no '" + rest + "' claim"
                        : "the claim '" + reached + "' has no '" + rest + "'";
                return new Missing(reason, names(level));
            }
            String path = reached.isEmpty() ? head : reached + "." + head;
            Object value = level.get(head);
            if (!(value instanceof Map<?, ?> nested)) {
                return new Invalid("'" + path + "' is " + jsonType(value) + ", not an object, so '"
                        + rest.substring(head.length() + 1) + "' cannot be read inside it");
            }
            level = nested;
            reached = path;
            rest = rest.substring(head.length() + 1);
        }
    }

    /** The longest dot-delimited prefix of {@code path} that is a key of {@code level}, or null. */
    private static String longestPresentPrefix(Map<?, ?> level, String path) {
        for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
            String head = path.substring(0, dot);
            if (level.containsKey(head)) {
                return head;
            }
        }
        return null;
    }

    private static GroupClaim fromValue(Object value, String path, Map<?, ?> level) {
        if (value == null) {
            return new Missing("the claim '" + path + "' is null", names(level));
        }
        if (value instanceof String single) {
            return new Found(Set.of(single));
        }
        Iterable<?> entries;
        if (value instanceof Collection<?> collection) {
            entries = collection;
        } else if (value instanceof Object[] array) {
            entries = Arrays.asList(array);
        } else {
            return new Invalid("the claim '" + path + "' is " + jsonType(value));
        }
        Set<String> groups = new LinkedHashSet<>();
        int position = 0;
        for (Object entry : entries) {
            position++;
            if (!(entry instanceof String name)) {
                return new Invalid("the claim '" + path + "' is an array whose entry " + position + " is "
                        + jsonType(entry) + " (all entries must be group names as strings)");
            }
            groups.add(name);
        }
        return new Found(groups);
    }

    private static Set<String> names(Map<?, ?> level) {
        Set<String> names = new TreeSet<>();
        level.keySet().forEach(k -> names.add(String.valueOf(k)));
        return names;
    }

    /** The JSON type of a parsed claim value, for messages (never the value itself). */
    private static String jsonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof Collection<?> || value instanceof Object[]) {
            return "an array";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
