package io.gatehouse.sso.buildchecks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CentralRequirementsTest {

    @TempDir
    Path dir;

    @Test
    void aModuleMayTakeUrlLicenseDevelopersAndScmFromItsParent() throws IOException {
        PomFile parent = pom("parent", """
                <groupId>g</groupId><artifactId>parent</artifactId><version>1</version><packaging>pom</packaging>
                <name>Parent</name><description>d</description><url>https://example.org</url>
                <licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>
                <developers><developer><name>Someone</name></developer></developers>
                <scm><connection>scm:git:https://example.org/x.git</connection><url>https://example.org/x</url></scm>""");
        PomFile child = pom("child", """
                <parent><groupId>g</groupId><artifactId>parent</artifactId><version>1</version></parent>
                <artifactId>child</artifactId><name>Child</name><description>A module</description>""");

        assertThat(CentralRequirements.missing(child, new PomFamily(List.of(parent, child)))).isEmpty();
    }

    @Test
    void aPomWithoutDescriptionLicenseDevelopersOrScmIsReportedMissingEachOfThem() throws IOException {
        PomFile lonely = pom("lonely", """
                <groupId>g</groupId><artifactId>lonely</artifactId><version>1</version>
                <name>Lonely</name><url>https://example.org</url>""");

        assertThat(CentralRequirements.missing(lonely, new PomFamily(List.of(lonely)))).containsExactly(
                "description", "licenses/license/name", "licenses/license/url", "developers/developer/name", "scm/url",
                "scm/connection");
    }

    private PomFile pom(String name, String body) throws IOException {
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + body + "</project>");
        return PomFile.read(file);
    }
}
