package io.omskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a host gets when it imports the BOM: every published module at the project's version and nothing else (no
 * Guava, Jackson or JUnit pinned on its behalf), and each published jar named for the module path.
 */
class PublishedArtifactsTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> UNPUBLISHED = List.of("oms-bom", "oms-examples", "oms-benchmarks");

    @Test
    void the_bom_manages_every_published_module_at_the_project_version_and_nothing_else() throws Exception {
        Document bom = read(ROOT.resolve("oms-bom/pom.xml"));
        Document parent = read(ROOT.resolve("pom.xml"));

        List<String> managed = new ArrayList<>();
        for (Element dependency : children(child(child(bom.getDocumentElement(), "dependencyManagement"), "dependencies"),
                "dependency")) {
            assertThat(text(dependency, "groupId")).as("groupId of %s", text(dependency, "artifactId")).isEqualTo("io.omskit");
            assertThat(text(dependency, "version")).isEqualTo("${project.version}");
            assertThat(child(dependency, "scope")).as("scope of %s", text(dependency, "artifactId")).isNull();
            managed.add(text(dependency, "artifactId"));
        }
        List<String> published = new ArrayList<>();
        for (Element module : children(child(parent.getDocumentElement(), "modules"), "module")) {
            if (!UNPUBLISHED.contains(module.getTextContent().trim())) {
                published.add(module.getTextContent().trim());
            }
        }

        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void the_bom_inherits_nothing_that_would_pin_a_hosts_libraries_and_moves_with_the_project_version() throws Exception {
        Element bom = read(ROOT.resolve("oms-bom/pom.xml")).getDocumentElement();
        Element parent = read(ROOT.resolve("pom.xml")).getDocumentElement();

        assertThat(child(bom, "parent")).as("the BOM's parent").isNull();
        assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
        assertThat(text(bom, "groupId")).isEqualTo(text(parent, "groupId"));
        for (String metadata : List.of("url", "licenses", "scm", "developers", "issueManagement")) {
            assertThat(child(bom, metadata)).as("the BOM's %s", metadata).isNotNull();
            assertThat(child(parent, metadata)).as("the parent's %s", metadata).isNotNull();
        }
    }

    @Test
    void every_published_module_names_itself_for_the_module_path() throws Exception {
        Element parent = read(ROOT.resolve("pom.xml")).getDocumentElement();
        for (Element module : children(child(parent, "modules"), "module")) {
            String name = module.getTextContent().trim();
            if (name.equals("oms-bom")) {
                continue;
            }
            Element pom = read(ROOT.resolve(name).resolve("pom.xml")).getDocumentElement();
            assertThat(text(child(pom, "properties"), "automatic.module.name")).as("Automatic-Module-Name of %s", name)
                    .isEqualTo("io.omskit." + name.substring("oms-".length()));
            assertThat(text(pom, "name")).as("name of %s", name).isNotBlank();
            assertThat(text(pom, "description")).as("description of %s", name).isNotBlank();
        }
    }

    private static Document read(Path pom) throws Exception {
        assertThat(pom).exists();
        try (var in = Files.newInputStream(pom)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
