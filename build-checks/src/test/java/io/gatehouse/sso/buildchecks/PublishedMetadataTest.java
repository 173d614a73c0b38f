package io.gatehouse.sso.buildchecks;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Maven Central's metadata on every published pom, as written in the reactor. */
class PublishedMetadataTest {

    private final Reactor reactor = Reactor.load();

    @Test
    void everyPublishedModuleHasANameAndADescriptionOfItsOwn() {
        assertThat(reactor.published()).allSatisfy(pom -> {
            assertThat(pom.text("name")).as("<name> of " + pom).isPresent();
            assertThat(pom.text("description")).as("<description> of " + pom).isPresent();
        });
    }

    @Test
    void theParentCarriesUrlLicenseDevelopersAndScmForEveryModule() {
        PomFile parent = reactor.parent();

        assertThat(parent.text("url")).isPresent();
        assertThat(parent.text("licenses", "license", "name")).contains("Apache-2.0");
        assertThat(parent.text("developers", "developer", "name")).isPresent();
        assertThat(parent.text("scm", "connection")).isPresent();
        assertThat(parent.text("scm", "url")).isPresent();
    }

    @Test
    void everyPublishedPomMeetsMavenCentralsRequirements() {
        assertThat(reactor.published()).allSatisfy(pom ->
                assertThat(CentralRequirements.missing(pom, reactor.poms())).as("missing from " + pom).isEmpty());
    }

    @Test
    void theBomRepeatsTheParentsMetadataWordForWord() {
        PomFile bom = reactor.pom("sso-bom");

        for (String element : List.of("url", "inceptionYear", "licenses", "developers", "scm")) {
            assertThat(flat(bom.elements(element))).as("<" + element + "> of the BOM and of the parent")
                    .isEqualTo(flat(reactor.parent().elements(element)));
        }
    }

    @Test
    void theBomBuildsWithThePluginVersionsOfTheParent() {
        Map<String, String> parentVersions = pluginVersions(reactor.parent());

        assertThat(pluginVersions(reactor.pom("sso-bom"))).allSatisfy((plugin, version) ->
                assertThat(version).as(plugin).isEqualTo(parentVersions.get(plugin)));
    }

    @Test
    void everyPublishedJarHasAModuleNameOfItsOwn() {
        Map<String, String> owners = new TreeMap<>();
        assertThat(reactor.publishedJars()).allSatisfy(pom -> {
            String name = pom.property("module.name").orElse("(none)");
            assertThat(owners.put(name, pom.artifactId())).as("module name " + name + " of " + pom).isNull();
        });
    }

    private static Map<String, String> pluginVersions(PomFile pom) {
        Map<String, String> versions = new TreeMap<>();
        for (Element plugin : pom.elements("build", "pluginManagement", "plugins", "plugin")) {
            versions.put(PomFile.childText(plugin, "artifactId").orElseThrow(), PomFile.childText(plugin, "version").orElseThrow());
        }
        return versions;
    }

    /** An element's text content with runs of white space made one space: equal when the XML says the same. */
    private static List<String> flat(List<Element> elements) {
        return elements.stream().map(e -> e.getTextContent().trim().replaceAll("\\s+", " ")).toList();
    }
}
