package io.gatehouse.sso.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --name value} arguments of the benchmark jar's small mains.
 *
 * <pre>{@code
 * Map<String, String> options = Options.parse(new String[] {"--logins", "10000"});
 * }</pre>
 */
public final class Options {
    private Options() {
    }

    public static Map<String, String> parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }
}
