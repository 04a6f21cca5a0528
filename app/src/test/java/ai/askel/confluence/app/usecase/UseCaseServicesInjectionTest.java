package ai.askel.confluence.app.usecase;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every use-case service is package-private and can be built by Dagger (one public {@code @Inject} constructor) from ports,
 * domain types, settings and its own package only, and implements an inbound port.
 */
class UseCaseServicesInjectionTest {
    private static final Path SOURCES = Path.of("src/main/java/ai/askel/confluence/app/usecase");

    private static List<Class<?>> services() throws IOException, ClassNotFoundException {
        List<String> names;
        try (Stream<Path> files = Files.list(SOURCES)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Service.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).sorted().toList();
        }
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName("ai.askel.confluence.app.usecase." + name));
        }
        return classes;
    }

    @Test
    void every_inbound_port_has_a_service() throws Exception {
        List<String> useCases;
        try (Stream<Path> files = Files.list(Path.of("../ports/src/main/java/ai/askel/confluence/ports/in"))) {
            useCases = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("UseCase.java"))
                    .map(n -> "ai.askel.confluence.ports.in." + n.substring(0, n.length() - ".java".length())).toList();
        }
        List<Class<?>> services = services();
        for (String useCase : useCases) {
            Class<?> port = Class.forName(useCase);
            assertThat(services).as("a service implementing %s", port.getSimpleName()).anyMatch(port::isAssignableFrom);
        }
    }

    @Test
    void every_service_has_one_public_inject_constructor_taking_ports_domain_or_own_package_types() throws Exception {
        for (Class<?> service : services()) {
            assertThat(!Modifier.isPublic(service.getModifiers()) && Modifier.isFinal(service.getModifiers()))
                    .as("%s is package-private and final (only its use case is seen outside app.usecase)", service.getSimpleName()).isTrue();
            Constructor<?>[] constructors = service.getConstructors();
            assertThat(constructors).as(service.getSimpleName()).hasSize(1);
            assertThat(constructors[0].isAnnotationPresent(Inject.class)).as("%s has an @Inject constructor", service.getSimpleName()).isTrue();
            for (Parameter parameter : constructors[0].getParameters()) {
                String type = parameter.getType().getName();
                assertThat(type).as("%s depends on %s", service.getSimpleName(), type)
                        .matches("(ai\\.askel\\.confluence\\.(ports|domain)\\..*|ai\\.askel\\.confluence\\.app\\.usecase\\.[A-Za-z]+|java\\.util\\.Set)");
            }
        }
    }
}
