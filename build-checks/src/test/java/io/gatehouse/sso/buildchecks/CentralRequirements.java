package io.gatehouse.sso.buildchecks;

import java.util.ArrayList;
import java.util.List;

/**
 * What Maven Central refuses a pom without (central.sonatype.org, "Requirements"): coordinates, a name and a
 * description of its own, and a project URL, a license, a developer and the source repository, which may come
 * from a parent that is published too.
 */
final class CentralRequirements {

    private CentralRequirements() {
    }

    /** What {@code pom} lacks, as readable items; empty when Central would accept it. */
    static List<String> missing(PomFile pom, PomFamily family) {
        List<String> missing = new ArrayList<>();
        requireText(missing, family.inheritedText(pom, "groupId").or(() -> pom.text("parent", "groupId")).isPresent(), "groupId");
        requireText(missing, family.inheritedText(pom, "version").or(() -> pom.text("parent", "version")).isPresent(), "version");
        requireText(missing, pom.text("name").isPresent(), "name");
        requireText(missing, pom.text("description").isPresent(), "description");
        requireText(missing, family.inheritedText(pom, "url").isPresent(), "url");
        requireText(missing, family.inheritedText(pom, "licenses", "license", "name").isPresent(), "licenses/license/name");
        requireText(missing, family.inheritedText(pom, "licenses", "license", "url").isPresent(), "licenses/license/url");
        requireText(missing, family.inheritedText(pom, "developers", "developer", "name").isPresent(), "developers/developer/name");
        requireText(missing, family.inheritedText(pom, "scm", "url").isPresent(), "scm/url");
        requireText(missing, family.inheritedText(pom, "scm", "connection").isPresent(), "scm/connection");
        return missing;
    }

    private static void requireText(List<String> missing, boolean present, String item) {
        if (!present) {
            missing.add(item);
        }
    }
}
