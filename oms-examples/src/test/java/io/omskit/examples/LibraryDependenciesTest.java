package io.omskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a module brings onto the class path of a host that depends on it: no logging binding (the host's logging
 * decides where lines go) and no Micrometer unless the host adds it.
 */
class LibraryDependenciesTest {

    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final List<String> BINDINGS = List.of("slf4j-simple", "logback-classic", "slf4j-nop", "slf4j-reload4j",
            "log4j-slf4j-impl", "log4j-slf4j2-impl");

    /** A declared dependency: artifact, scope (compile when none) and whether it is optional. */
    private record Declared(String module, String artifact, String scope, boolean optional) {
        boolean reachesHosts() {
            return !optional && (scope.equals("compile") || scope.equals("runtime"));
        }
    }

    private static List<Declared> declared() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        List<Declared> all = new ArrayList<>();
        try (var modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))
                    && m.getFileName().toString().startsWith("oms-")).toList()) {
                Matcher m = DEPENDENCY.matcher(Files.readString(module.resolve("pom.xml")));
                while (m.find()) {
                    String d = m.group(1);
                    all.add(new Declared(module.getFileName().toString(), tag(d, "artifactId", ""), tag(d, "scope", "compile"),
                            tag(d, "optional", "false").equals("true")));
                }
            }
        }
        return all;
    }

    private static String tag(String xml, String name, String absent) {
        Matcher m = Pattern.compile("<" + name + ">\\s*(.*?)\\s*</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : absent;
    }

    @Test
    void no_published_module_hands_a_logging_binding_to_its_users() throws IOException {
        List<Declared> all = declared();

        assertThat(all).extracting(Declared::module).contains("oms-core", "oms-examples");
        assertThat(all).filteredOn(d -> BINDINGS.contains(d.artifact()) && !d.module().equals("oms-benchmarks"))
                .isNotEmpty()
                .noneMatch(Declared::reachesHosts);
    }

    @Test
    void micrometer_is_optional_wherever_a_published_module_declares_it() throws IOException {
        assertThat(declared()).filteredOn(d -> d.artifact().equals("micrometer-core")
                        && !d.module().equals("oms-benchmarks") && !d.module().equals("oms-examples"))
                .extracting(Declared::module).contains("oms-core", "oms-reporting");
        assertThat(declared()).filteredOn(d -> d.artifact().equals("micrometer-core") && !d.module().equals("oms-benchmarks"))
                .noneMatch(Declared::reachesHosts);
    }
}
