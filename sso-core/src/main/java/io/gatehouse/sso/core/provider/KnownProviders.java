package io.gatehouse.sso.core.provider;

import java.util.Map;
import java.util.Optional;

/** The provider modules Gatehouse ships, so a missing one can be named with its Maven artifact. */
final class KnownProviders {
    private static final Map<String, String> ARTIFACTS = Map.of(
            "openid_connect", "sso-provider-oidc",
            "keycloak", "sso-provider-keycloak",
            "google", "sso-provider-google",
            "github", "sso-provider-github",
            "microsoft", "sso-provider-microsoft");

    private KnownProviders() {
    }

    static Optional<String> artifactFor(String providerId) {
        return Optional.ofNullable(ARTIFACTS.get(providerId));
    }

    static String shipped() {
        return String.join(", ", new java.util.TreeSet<>(ARTIFACTS.keySet()));
    }
}
