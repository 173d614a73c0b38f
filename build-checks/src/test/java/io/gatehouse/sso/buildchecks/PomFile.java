package io.gatehouse.sso.buildchecks;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pom.xml as written (not Maven's effective model): the elements under {@code <project>} read by path,
 * e.g. {@code text("scm", "url")}. Inheritance is {@link PomFamily}'s job.
 */
record PomFile(Path path, Element project) {

    static PomFile read(Path path) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(path.toFile());
            return new PomFile(path, document.getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    String artifactId() {
        return text("artifactId").orElseThrow(() -> new IllegalStateException(path + " has no artifactId"));
    }

    String packaging() {
        return text("packaging").orElse("jar");
    }

    Optional<String> parentArtifactId() {
        return text("parent", "artifactId");
    }

    Optional<String> property(String name) {
        return text("properties", name);
    }

    List<String> modules() {
        return elements("modules", "module").stream().map(e -> e.getTextContent().trim()).toList();
    }

    /** The trimmed, non-blank text of the element at {@code path} below {@code <project>}. */
    Optional<String> text(String... path) {
        List<Element> found = elements(path);
        return found.isEmpty() ? Optional.empty()
                : Optional.of(found.get(0).getTextContent().trim()).filter(s -> !s.isEmpty());
    }

    /** Every element at {@code path} below {@code <project>}, e.g. {@code ("licenses", "license")}. */
    List<Element> elements(String... path) {
        List<Element> level = List.of(project);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element parent : level) {
                next.addAll(children(parent, name));
            }
            level = next;
        }
        return level;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static Optional<String> childText(Element parent, String name) {
        return children(parent, name).stream().map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty()).findFirst();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
