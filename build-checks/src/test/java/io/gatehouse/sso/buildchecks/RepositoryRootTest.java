package io.gatehouse.sso.buildchecks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding the repository's top directory from a module directory. */
class RepositoryRootTest {
    @TempDir
    Path outside;

    @Test
    void theRootIsTheHighestAncestorInAnUnbrokenChainOfPoms() throws IOException {
        Path repo = outside.resolve("repo");
        Path module = repo.resolve("sso-providers/sso-provider-oidc");
        Files.createDirectories(module);
        for (Path dir : new Path[] {repo, repo.resolve("sso-providers"), module}) {
            Files.writeString(dir.resolve("pom.xml"), "<project/>");
        }

        assertThat(RepositoryRoot.find(module)).isEqualTo(repo.toAbsolutePath().normalize());
    }

    @Test
    void aDirectoryWithoutAPomIsRefused() {
        assertThatThrownBy(() -> RepositoryRoot.find(outside))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no pom.xml");
    }

    @Test
    void fromThisModuleTheRootHoldsTheReadme() {
        assertThat(RepositoryRoot.find(Path.of("")).resolve("README.md")).isRegularFile();
    }
}
