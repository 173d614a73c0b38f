package io.gatehouse.sso.core.provider;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The places a shipped provider is listed agree (docs/writing-a-provider.md names them): the known-providers
 * resource, the module list of sso-providers/pom.xml, the BOM, and each module's ServiceLoader registration.
 * Read from the source tree this build runs in.
 */
class KnownProvidersTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    static final Pattern PROVIDER_ARTIFACT = Pattern.compile("<artifactId>(sso-provider-[^<]+)</artifactId>");

    static Set<String> all(Pattern pattern, Path file) throws IOException {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(Files.readString(file));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static Set<String> knownArtifacts() {
        return new TreeSet<>(KnownProviders.fromClassPath().artifacts().values());
    }

    @Test
    void everyProviderModuleOfTheBuildIsAKnownProviderAndViceVersa() throws IOException {
        assertThat(knownArtifacts()).isEqualTo(all(MODULE, ROOT.resolve("sso-providers/pom.xml")));
    }

    @Test
    void theBomListsEveryKnownProvider() throws IOException {
        assertThat(all(PROVIDER_ARTIFACT, ROOT.resolve("sso-bom/pom.xml"))).isEqualTo(knownArtifacts());
    }

    @Test
    void everyKnownProviderModuleRegistersItsBackend() throws IOException {
        for (String artifact : knownArtifacts()) {
            Path services = ROOT.resolve("sso-providers/" + artifact + "/src/main/resources/META-INF/services/"
                    + ProviderBackend.class.getName());
            assertThat(services).as(artifact + " registers its backend").exists();
            assertThat(Files.readString(services)).as(artifact).containsPattern("(?m)^io\\.gatehouse\\.sso\\.provider\\.\\w+\\.\\w+Backend$");
        }
    }
}
