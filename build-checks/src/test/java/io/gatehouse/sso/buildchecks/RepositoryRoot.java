package io.gatehouse.sso.buildchecks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's top directory, found from a module directory: the highest directory of the unbroken
 * chain of ancestors that each hold a {@code pom.xml} (the reactor root). Surefire runs tests in the
 * module's directory, so {@code find(Path.of(""))} works from any module at any depth.
 *
 * <pre>{@code
 * Path root = RepositoryRoot.find(Path.of(""));   // .../gatehouse, from .../gatehouse/build-checks
 * }</pre>
 */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    /**
     * @param start a directory inside the reactor (usually the module's own)
     * @throws IllegalStateException when {@code start} holds no {@code pom.xml}
     */
    static Path find(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
            throw new IllegalStateException(dir + " holds no pom.xml: run the check from a module directory");
        }
        while (dir.getParent() != null && Files.isRegularFile(dir.getParent().resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
