package io.gatehouse.sso.buildchecks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Javadoc of every published package says what the package is for (and whether it is internal). */
class PackageInfoTest {

    private final Reactor reactor = Reactor.load();

    @Test
    void everyPackageOfAPublishedModuleHasAPackageInfo() {
        List<Path> packages = reactor.publishedJars().stream()
                .map(pom -> pom.path().getParent().resolve("src/main/java"))
                .filter(Files::isDirectory)
                .flatMap(PackageInfoTest::packagesUnder)
                .toList();

        assertThat(packages).isNotEmpty();
        assertThat(packages).allSatisfy(dir ->
                assertThat(dir.resolve("package-info.java")).as("package-info.java of " + dir).exists());
    }

    /** Directories that hold at least one Java source. */
    private static Stream<Path> packagesUnder(Path sourceRoot) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent).distinct().toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot walk " + sourceRoot, e);
        }
    }
}
