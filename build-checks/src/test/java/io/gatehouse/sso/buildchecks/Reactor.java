package io.gatehouse.sso.buildchecks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Maven reactor these checks run in: its root directory ({@link RepositoryRoot}) and every module's pom,
 * found through the {@code <modules>} lists.
 */
record Reactor(Path root, PomFamily poms) {

    static Path rootDirectory() {
        return RepositoryRoot.find(Path.of(""));
    }

    static Reactor load() {
        Path root = rootDirectory();
        List<PomFile> poms = new ArrayList<>();
        collect(root, poms);
        return new Reactor(root, new PomFamily(poms));
    }

    private static void collect(Path directory, List<PomFile> into) {
        PomFile pom = PomFile.read(directory.resolve("pom.xml"));
        into.add(pom);
        for (String module : pom.modules()) {
            collect(directory.resolve(module).normalize(), into);
        }
    }

    /** The root pom: the parent every module but the BOM inherits from. */
    PomFile parent() {
        return poms.members().get(0);
    }

    PomFile pom(String artifactId) {
        return poms.find(artifactId).orElseThrow(() -> new IllegalStateException("no module " + artifactId + " in the reactor"));
    }

    List<PomFile> published() {
        return poms.members().stream().filter(poms::published).toList();
    }

    /** The published modules that ship a jar: what the BOM manages. */
    List<PomFile> publishedJars() {
        return published().stream().filter(p -> p.packaging().equals("jar")).toList();
    }
}
