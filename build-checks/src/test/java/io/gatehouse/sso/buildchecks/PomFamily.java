package io.gatehouse.sso.buildchecks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Poms that may inherit from one another (a reactor's, or a staged repository's): a child takes from its parent
 * what it does not say itself, the way Maven inherits url, licenses, developers, scm and properties.
 */
final class PomFamily {

    private final Map<String, PomFile> byArtifactId = new LinkedHashMap<>();

    PomFamily(Collection<PomFile> poms) {
        for (PomFile pom : poms) {
            if (byArtifactId.put(pom.artifactId(), pom) != null) {
                throw new IllegalStateException("two poms with artifactId " + pom.artifactId());
            }
        }
    }

    List<PomFile> members() {
        return List.copyOf(byArtifactId.values());
    }

    Optional<PomFile> find(String artifactId) {
        return Optional.ofNullable(byArtifactId.get(artifactId));
    }

    /** The pom itself, then its parent, grandparent... as far as they are members of this family. */
    List<PomFile> lineage(PomFile pom) {
        List<PomFile> line = new ArrayList<>();
        for (Optional<PomFile> p = Optional.of(pom); p.isPresent(); p = p.get().parentArtifactId().flatMap(this::find)) {
            line.add(p.get());
        }
        return line;
    }

    Optional<String> inheritedText(PomFile pom, String... path) {
        return lineage(pom).stream().map(p -> p.text(path)).flatMap(Optional::stream).findFirst();
    }

    boolean inheritedPresent(PomFile pom, String... path) {
        return lineage(pom).stream().anyMatch(p -> !p.elements(path).isEmpty());
    }

    Optional<String> inheritedProperty(PomFile pom, String name) {
        return lineage(pom).stream().map(p -> p.property(name)).flatMap(Optional::stream).findFirst();
    }

    /** Published unless the pom, or a pom it inherits from, sets {@code maven.deploy.skip} to true. */
    boolean published(PomFile pom) {
        return !inheritedProperty(pom, "maven.deploy.skip").orElse("false").equals("true");
    }
}
