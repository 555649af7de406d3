package io.omskit.testkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.omskit.core.event.DomainEvent;
import io.omskit.core.jackson.OmsJacksonModule;
import io.omskit.core.order.OrderEvent;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The type names are complete and unambiguous: the wire format can name every value of every family. */
class TypeNameRegistryTest {

    private final OmsJacksonModule module = new OmsJacksonModule();

    @Test
    void every_permitted_subclass_of_every_sealed_family_has_a_type_name() {
        List<String> unnamed = new ArrayList<>();
        for (Class<?> family : module.families()) {
            for (Class<?> member : concreteMembers(family)) {
                if (!module.typeNames().containsKey(member)) {
                    unnamed.add(family.getSimpleName() + " > " + member.getName());
                }
            }
        }
        assertThat(unnamed).isEmpty();
        assertThat(module.typeNames()).containsKeys(OrderEvent.OrderPlaced.class, OrderEvent.OrderStatusChanged.class);
    }

    @Test
    void type_names_are_unique() {
        List<String> names = new ArrayList<>(module.typeNames().values());
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names).allMatch(n -> n.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+"), "are dotted lower-case words");
    }

    @Test
    void every_sealed_event_and_result_family_of_core_is_declared_to_the_module() throws Exception {
        List<Class<?>> classes = coreClasses();
        assertThat(classes).as("the scan found core's classes").contains(OrderEvent.class, OrderEvent.OrderPlaced.class);
        List<String> undeclared = new ArrayList<>();
        for (Class<?> type : classes) {
            boolean eventFamily = DomainEvent.class.isAssignableFrom(type) && type.isInterface();
            boolean resultFamily = type.isInterface() && type.getSimpleName().endsWith("Result");
            if (type.isSealed() && (eventFamily || resultFamily) && !module.families().contains(type)) {
                undeclared.add(type.getName());
            }
        }
        assertThat(undeclared).isEmpty();
        assertThat(module.families()).contains(DomainEvent.class, OrderEvent.class);
    }

    @Test
    void every_named_type_belongs_to_a_family() {
        for (Map.Entry<Class<?>, String> e : module.typeNames().entrySet()) {
            assertThat(module.families()).as(e.getValue())
                    .anyMatch(family -> family.isAssignableFrom(e.getKey()));
        }
    }

    private static Set<Class<?>> concreteMembers(Class<?> family) {
        Set<Class<?>> members = new HashSet<>();
        if (!family.isSealed()) {
            return members;
        }
        for (Class<?> sub : family.getPermittedSubclasses()) {
            if (sub.isInterface() || Modifier.isAbstract(sub.getModifiers())) {
                members.addAll(concreteMembers(sub));
            } else {
                members.add(sub);
            }
        }
        return members;
    }

    /** Every class of oms-core, read from the directory or jar {@link OmsJacksonModule} was loaded from. */
    private static List<Class<?>> coreClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(OmsJacksonModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        if (Files.isDirectory(root)) {
            collect(root, classes);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                collect(jar.getPath("/"), classes);
            }
        }
        return classes;
    }

    private static void collect(Path root, List<Class<?>> classes) throws IOException, ClassNotFoundException {
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.startsWith("io/omskit/core/") && n.endsWith(".class") && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
        for (String name : names) {
            classes.add(Class.forName(name, false, TypeNameRegistryTest.class.getClassLoader()));
        }
    }
}
