package io.gatehouse.sso.core.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The provider modules Gatehouse ships (id to Maven artifact), read from
 * {@code io/gatehouse/sso/core/provider/known-providers.properties} in sso-core, so a module missing from the
 * class path can still be named with its artifact: the module itself is exactly what is absent then.
 */
final class KnownProviders {
    static final String RESOURCE = "known-providers.properties";

    private final Map<String, String> artifacts;

    private KnownProviders(Map<String, String> artifacts) {
        this.artifacts = artifacts;
    }

    static KnownProviders fromClassPath() {
        Properties p = new Properties();
        try (InputStream in = KnownProviders.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from sso-core");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, String> artifacts = new TreeMap<>();
        p.stringPropertyNames().forEach(id -> artifacts.put(id, p.getProperty(id).trim()));
        return new KnownProviders(Map.copyOf(artifacts));
    }

    Optional<String> artifactFor(String providerId) {
        return Optional.ofNullable(artifacts.get(providerId));
    }

    /** The shipped ids, sorted: {@code github, google, ...}. */
    String shipped() {
        return String.join(", ", new TreeMap<>(artifacts).keySet());
    }

    /** Every id with its artifact. */
    Map<String, String> artifacts() {
        return artifacts;
    }
}
