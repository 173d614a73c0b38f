package io.gatehouse.sso.buildchecks;

import io.gatehouse.sso.buildchecks.StagedRepository.StagedArtifact;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a deploy would publish, read from the repository that .ci/staging-check.sh's staging deploy wrote into the
 * root's target/staging. Not part of {@code mvn verify} (the staging is not there yet): that script runs it, with
 * {@code -Dtest=StagedRepositoryTest}, after the deploy.
 */
class StagedRepositoryTest {

    private static final Set<String> JAR_MODULE = Set.of(":jar", "sources:jar", "javadoc:jar", ":pom");
    private static final Set<String> POM_MODULE = Set.of(":pom");
    private final Reactor reactor = Reactor.load();
    private final StagedRepository staged = read();

    @Test
    void exactlyThePublishedModulesAreStaged() {
        Set<String> stagedIds = staged.artifacts().stream().map(StagedArtifact::artifactId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> publishedIds = reactor.published().stream().map(PomFile::artifactId)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(stagedIds).isEqualTo(publishedIds);
    }

    @Test
    void everyJarModuleIsStagedWithItsJarSourcesJavadocAndPomAndAPomModuleWithItsPom() {
        assertThat(staged.artifacts()).allSatisfy(artifact -> {
            Set<String> expected = reactor.pom(artifact.artifactId()).packaging().equals("jar") ? JAR_MODULE : POM_MODULE;
            assertThat(artifact.files()).as("files staged for " + artifact.artifactId()).isEqualTo(new TreeSet<>(expected));
        });
    }

    @Test
    void everyStagedPomMeetsMavenCentralsRequirements() {
        PomFamily poms = staged.poms();

        assertThat(poms.members()).allSatisfy(pom ->
                assertThat(CentralRequirements.missing(pom, poms)).as("missing from " + pom).isEmpty());
    }

    private static StagedRepository read() {
        try {
            return StagedRepository.read(Reactor.rootDirectory().resolve("target/staging"), "io.gatehouse");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
