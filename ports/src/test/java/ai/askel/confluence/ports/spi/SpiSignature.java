package ai.askel.confluence.ports.spi;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The public surface of the template SPI as lines of text: every public type, constructor, method
 * (with generic types) and constant a template can use. A template compiled against one snapshot
 * keeps linking as long as every line of it is still there and no interface gained an abstract
 * method, which {@link #incompatibilities} checks.
 */
final class SpiSignature {
    private SpiSignature() {
    }

    static List<String> of(List<Class<?>> types) {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : types) {
            describe(type, lines);
        }
        return List.copyOf(lines);
    }

    private static void describe(Class<?> type, Set<String> lines) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return;
        }
        String name = type.getName();
        String kind = type.isRecord() ? "record" : type.isEnum() ? "enum" : type.isInterface() ? "interface" : "class";
        List<String> supers = new ArrayList<>();
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum() && !type.isRecord()) {
            supers.add(type.getGenericSuperclass().getTypeName());
        }
        Arrays.stream(type.getGenericInterfaces()).map(Type::getTypeName).sorted().forEach(supers::add);
        String modifiers = (Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord() ? "final " : "")
                + (type.isSealed() ? "sealed " : "");
        lines.add("%s%s %s%s".formatted(modifiers, kind, name, supers.isEmpty() ? "" : " : " + String.join(", ", supers)));
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor.getModifiers())) {
                lines.add("%s#<init>(%s)".formatted(name, params(constructor.getGenericParameterTypes())));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                String how = Modifier.isStatic(method.getModifiers()) ? "static "
                        : method.isDefault() ? "default " : Modifier.isAbstract(method.getModifiers()) ? "abstract " : "";
                lines.add("%s#%s%s(%s) : %s".formatted(name, how, method.getName(), params(method.getGenericParameterTypes()),
                        method.getGenericReturnType().getTypeName()));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers())) {
                lines.add("%s.%s : %s%s".formatted(name, field.getName(), field.getGenericType().getTypeName(),
                        Modifier.isStatic(field.getModifiers()) ? " static" : ""));
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            describe(nested, lines);
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String params(Type[] types) {
        return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
    }

    /**
     * What breaks templates built against {@code snapshot}: a line that is gone (a type, method,
     * constructor or constant removed or changed), or an abstract method an interface gained.
     */
    static List<String> incompatibilities(List<String> snapshot, List<String> current) {
        List<String> problems = new ArrayList<>();
        Set<String> now = new TreeSet<>(current);
        Set<String> before = new TreeSet<>(snapshot);
        for (String line : before) {
            if (!now.contains(line)) {
                problems.add("removed or changed: " + line);
            }
        }
        for (String line : now) {
            if (line.contains("#abstract ") && !before.contains(line) && before.stream().anyMatch(l -> l.endsWith("interface "
                    + line.substring(0, line.indexOf('#'))) || l.contains("interface " + line.substring(0, line.indexOf('#')) + " "))) {
                problems.add("an interface gained an abstract method (implementations would break; make it default): " + line);
            }
        }
        return problems;
    }
}
