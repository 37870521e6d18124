package io.itinera.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The image settings in the pom files: Jib's target image and the image owner (parent), the ports (each service). */
final class ParentPom {

    private static final Document POM = parse(Repository.path("pom.xml"));

    private ParentPom() {}

    private static Document parse(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    static String property(String name) {
        Element properties = child(POM.getDocumentElement(), "properties");
        return child(properties, name).getTextContent().trim();
    }

    /** The image Jib builds for a module: the configured {@code <to><image>} with the pom's properties filled in. */
    static String jibImage(String artifactId) {
        NodeList plugins = POM.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (child(plugin, "artifactId").getTextContent().equals("jib-maven-plugin")) {
                String image = child(child(child(plugin, "configuration"), "to"), "image")
                        .getTextContent()
                        .trim();
                return image.replace("${image.owner}", property("image.owner"))
                        .replace("${project.artifactId}", artifactId);
            }
        }
        throw new AssertionError("no jib-maven-plugin in the parent pom");
    }

    /** The {@code <properties>} of a module's own pom.xml, e.g. the ports its image exposes. */
    static Map<String, String> moduleProperties(String module) {
        Element properties = child(parse(Repository.path(module + "/pom.xml")).getDocumentElement(), "properties");
        Map<String, String> values = new LinkedHashMap<>();
        NodeList children = properties.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element property) {
                values.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return values;
    }

    private static Element child(Node parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element
                    && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getNodeName() + ">");
    }
}
