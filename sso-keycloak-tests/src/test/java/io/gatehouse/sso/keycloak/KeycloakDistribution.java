package io.gatehouse.sso.keycloak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the Keycloak server and a Java to run it are: the folder the build unpacked {@code keycloak-quarkus-dist}
 * into (system property {@code gatehouse.keycloak.home}), and a JDK 21 or newer (Keycloak 26 needs one; our build runs
 * on 17): {@code KEYCLOAK_JAVA_HOME}, else the newest JDK under {@code /usr/lib/jvm}.
 *
 * @param home     the unpacked server ({@code bin/kc.sh} inside)
 * @param javaHome a JDK 21+
 */
record KeycloakDistribution(Path home, Path javaHome) {
    static final String HOW_TO_RUN = "Run them with `mvn -B -pl sso-keycloak-tests -am verify -Pkeycloak` (downloads "
            + "org.keycloak:keycloak-quarkus-dist, about 165 MB, into ~/.m2 and unpacks it once into ~/.cache/gatehouse), "
            + "with a JDK 21+ in /usr/lib/jvm or KEYCLOAK_JAVA_HOME; CI (CI=true) always runs them";
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** The distribution, or why it cannot be used. */
    static Optional<KeycloakDistribution> find(List<String> problems) {
        String home = System.getProperty("gatehouse.keycloak.home");
        Path kc = home == null ? null : Path.of(home);
        if (kc == null || !Files.isRegularFile(kc.resolve("bin/kc.sh"))) {
            problems.add("no Keycloak server unpacked at " + home);
        }
        Optional<Path> java = newestJdk();
        if (java.isEmpty()) {
            problems.add("no JDK 21 or newer (Keycloak 26 needs one) in KEYCLOAK_JAVA_HOME or /usr/lib/jvm");
        }
        return problems.isEmpty() ? Optional.of(new KeycloakDistribution(kc, java.get())) : Optional.empty();
    }

    private static Optional<Path> newestJdk() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.sorted(Comparator.comparing((Path p) -> majorVersion(p)).reversed()).forEach(candidates::add);
        } catch (IOException e) {
            // no /usr/lib/jvm: only KEYCLOAK_JAVA_HOME
        }
        return candidates.stream().filter(p -> majorVersion(p) >= 21 && Files.isExecutable(p.resolve("bin/java"))).findFirst();
    }

    /** The major version a JDK's {@code release} file names; 0 when it has none. */
    private static int majorVersion(Path jdk) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(jdk.resolve("release"), StandardCharsets.UTF_8));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
