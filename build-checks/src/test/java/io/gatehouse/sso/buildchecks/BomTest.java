package io.gatehouse.sso.buildchecks;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BomTest {

    private final Reactor reactor = Reactor.load();
    private final List<Element> managed = reactor.pom("sso-bom").elements("dependencyManagement", "dependencies", "dependency");

    @Test
    void bomManagesExactlyThePublishedJarModules() {
        Set<String> inBom = managed.stream().map(d -> PomFile.childText(d, "artifactId").orElseThrow())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> published = reactor.publishedJars().stream().map(PomFile::artifactId)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(inBom)
                .as("the BOM lists every published jar module and nothing else; a module that is not part of the library"
                        + " sets <maven.deploy.skip>true</maven.deploy.skip> in its pom")
                .isEqualTo(published);
    }

    @Test
    void bomManagesEveryModuleInOurGroupAtTheProjectVersion() {
        assertThat(managed).allSatisfy(d -> {
            assertThat(PomFile.childText(d, "groupId")).contains("io.gatehouse");
            assertThat(PomFile.childText(d, "version")).contains("${project.version}");
        });
    }

    @Test
    void theModulesThatAreNotPartOfTheLibraryAreUnpublished() {
        assertThat(reactor.poms().members().stream().filter(p -> !reactor.poms().published(p)).map(PomFile::artifactId))
                .contains("gatehouse-demo-app", "gatehouse-benchmarks", "sso-security-tests", "gatehouse-build-checks");
    }
}
