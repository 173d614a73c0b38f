package io.gatehouse.sso.buildchecks;

import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A Maven repository on disk that a deploy wrote to ({@code -DaltDeploymentRepository=local::file:...}): for each
 * artifact of one group, the files it holds ("classifier:extension", the main file having no classifier) and its pom.
 */
record StagedRepository(List<StagedArtifact> artifacts) {

    /** One staged artifactId at one version. */
    record StagedArtifact(String artifactId, Set<String> files, PomFile pom) {
    }

    static StagedRepository read(Path repository, String groupId) throws IOException {
        Path group = repository.resolve(groupId.replace('.', '/'));
        if (!Files.isDirectory(group)) {
            throw new IllegalStateException("nothing staged under " + group + ": run the staging deploy first (.ci/run)");
        }
        List<StagedArtifact> artifacts = new ArrayList<>();
        for (Path artifactDir : directories(group)) {
            List<Path> versions = directories(artifactDir);
            if (versions.size() != 1) {
                throw new IllegalStateException(artifactDir + " holds " + versions.size() + " versions; stage into an empty directory");
            }
            artifacts.add(artifact(artifactDir.getFileName().toString(), versions.get(0)));
        }
        return new StagedRepository(artifacts);
    }

    PomFamily poms() {
        return new PomFamily(artifacts.stream().map(StagedArtifact::pom).toList());
    }

    private static StagedArtifact artifact(String artifactId, Path versionDir) {
        Path metadata = versionDir.resolve("maven-metadata.xml");
        // a snapshot's files carry a time stamp that only its maven-metadata.xml spells out
        Set<String> files = Files.exists(metadata) ? snapshotFiles(artifactId, metadata)
                : releaseFiles(artifactId + "-" + versionDir.getFileName(), versionDir);
        Path pom = Files.exists(metadata) ? versionDir.resolve(artifactId + "-" + snapshotValue(metadata, "pom") + ".pom")
                : versionDir.resolve(artifactId + "-" + versionDir.getFileName() + ".pom");
        return new StagedArtifact(artifactId, files, PomFile.read(pom));
    }

    /** The files the metadata lists and the directory holds. */
    private static Set<String> snapshotFiles(String artifactId, Path metadata) {
        Set<String> files = new TreeSet<>();
        for (Element v : PomFile.read(metadata).elements("versioning", "snapshotVersions", "snapshotVersion")) {
            String classifier = PomFile.childText(v, "classifier").orElse("");
            String extension = PomFile.childText(v, "extension").orElseThrow();
            String name = artifactId + "-" + PomFile.childText(v, "value").orElseThrow()
                    + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
            if (Files.isRegularFile(metadata.resolveSibling(name))) {
                files.add(classifier + ":" + extension);
            }
        }
        return files;
    }

    private static String snapshotValue(Path metadata, String extension) {
        return PomFile.read(metadata).elements("versioning", "snapshotVersions", "snapshotVersion").stream()
                .filter(v -> PomFile.childText(v, "classifier").isEmpty())
                .filter(v -> PomFile.childText(v, "extension").orElse("").equals(extension))
                .map(v -> PomFile.childText(v, "value").orElseThrow())
                .findFirst().orElseThrow(() -> new IllegalStateException(metadata + " lists no " + extension));
    }

    private static Set<String> releaseFiles(String prefix, Path versionDir) {
        Set<String> files = new TreeSet<>();
        for (Path file : list(versionDir)) {
            String name = file.getFileName().toString();
            if (name.startsWith(prefix) && !name.matches(".*\\.(md5|sha1|sha256|sha512|asc)$")) {
                String rest = name.substring(prefix.length());
                int dot = rest.lastIndexOf('.');
                String classifier = rest.startsWith("-") ? rest.substring(1, dot) : "";
                files.add(classifier + ":" + rest.substring(dot + 1));
            }
        }
        return files;
    }

    private static List<Path> directories(Path directory) {
        return list(directory).stream().filter(Files::isDirectory).toList();
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + directory, e);
        }
    }
}
