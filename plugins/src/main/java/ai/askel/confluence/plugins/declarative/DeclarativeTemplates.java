package ai.askel.confluence.plugins.declarative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads declarative templates: a folder holding {@code template.yaml} (or {@code .yml},
 * {@code .json}) and its body, Markdown ({@code .md}) or storage format ({@code .xml}), the same
 * files at the root of a {@code .zip} or {@code .jar}, or the same files as class-path resources.
 * Without a {@code body} in the descriptor, the body is {@code body.md}, else {@code body.xml}.
 * Every problem is reported at once, each naming its file, line and column.
 */
public final class DeclarativeTemplates {
    static final List<String> DESCRIPTORS = List.of("template.yaml", "template.yml", "template.json");
    private static final List<String> DEFAULT_BODIES = List.of("body.md", "body.xml");
    private static final int MAX_FILE_BYTES = 1024 * 1024;

    private DeclarativeTemplates() {
    }

    /** Whether {@code path} is a template folder or archive (it holds a descriptor). */
    public static boolean isTemplate(Path path) {
        if (Files.isDirectory(path)) {
            return descriptorIn(path).isPresent();
        }
        String name = path.getFileName().toString();
        if (!Files.isRegularFile(path) || !(name.endsWith(".zip") || name.endsWith(".jar"))) {
            return false;
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return DESCRIPTORS.stream().anyMatch(d -> zip.getEntry(d) != null);
        } catch (IOException e) {
            return name.endsWith(".zip");
        }
    }

    /** The descriptor a folder holds at its root ({@code template.yaml}...), if any. */
    public static Optional<String> descriptorIn(Path folder) {
        return DESCRIPTORS.stream().filter(d -> Files.isRegularFile(folder.resolve(d))).findFirst();
    }

    /**
     * For a folder or zip that is no template: the descriptor it holds one folder down
     * ({@code service-overview/template.yaml}), the sign of a template put one level too deep.
     */
    public static Optional<String> nestedDescriptor(Path path) {
        if (Files.isDirectory(path)) {
            try (java.util.stream.Stream<Path> children = Files.list(path)) {
                return children.filter(Files::isDirectory).sorted()
                        .flatMap(child -> descriptorIn(child).map(d -> child.getFileName() + "/" + d).stream())
                        .findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                    .filter(name -> name.chars().filter(c -> c == '/').count() == 1
                            && DESCRIPTORS.contains(name.substring(name.indexOf('/') + 1)))
                    .sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The template in a folder or archive.
     *
     * @throws TemplateDefinitionException listing every problem at file:line:column
     */
    public static DeclarativeTemplate load(Path path) {
        String where = path.toAbsolutePath().normalize().toString();
        if (Files.isDirectory(path)) {
            return parse(where, name -> read(path.resolve(name)), where + "/");
        }
        if (!Files.exists(path)) {
            throw new TemplateDefinitionException(List.of(new TemplateProblem(where, 1, 1,
                    "no such folder or file: a template is a folder, or a .zip or .jar holding one")));
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return parse(where, name -> {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    return Optional.empty();
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return Optional.of(decode(in.readNBytes(MAX_FILE_BYTES + 1), where + "!/" + name));
                }
            }, where + "!/");
        } catch (IOException e) {
            throw new TemplateDefinitionException(List.of(new TemplateProblem(where, 1, 1, "cannot be read as a zip or jar: " + e.getMessage())));
        }
    }

    /** A template shipped as class-path resources under {@code folder} (for example a built-in one). */
    public static DeclarativeTemplate fromResources(ClassLoader loader, String folder) {
        return parse("classpath:" + folder, name -> {
            try (InputStream in = loader.getResourceAsStream(folder + "/" + name)) {
                return in == null ? Optional.empty() : Optional.of(decode(in.readNBytes(MAX_FILE_BYTES + 1), folder + "/" + name));
            }
        }, "classpath:" + folder + "/");
    }

    /**
     * A descriptor and a body given as text (for tools that hold them in memory), under the file names they
     * would have in a folder: the body's name ({@code body.md}, {@code body.xml}) says its format.
     */
    public static DeclarativeTemplate fromText(String descriptorName, String descriptor, String bodyName, String body) {
        return parse(descriptorName, name -> name.equals(descriptorName) ? Optional.of(descriptor)
                : name.equals(bodyName) ? Optional.of(body) : Optional.empty(), "");
    }

    private interface Files2 {
        Optional<String> read(String name) throws IOException;
    }

    private static DeclarativeTemplate parse(String source, Files2 files, String prefix) {
        List<TemplateProblem> problems = new ArrayList<>();
        String descriptorName = null;
        String descriptorText = null;
        try {
            for (String candidate : DESCRIPTORS) {
                Optional<String> text = files.read(candidate);
                if (text.isPresent()) {
                    descriptorName = candidate;
                    descriptorText = text.get();
                    break;
                }
            }
            if (descriptorText == null) {
                throw new TemplateDefinitionException(List.of(new TemplateProblem(source, 1, 1,
                        "holds no template.yaml, template.yml or template.json")));
            }
            Problems descriptorProblems = new Problems(prefix + descriptorName);
            Optional<Descriptor> descriptor = new DescriptorReader(descriptorProblems).read(descriptorText);
            problems.addAll(descriptorProblems.list());
            if (descriptor.isEmpty()) {
                throw new TemplateDefinitionException(problems);
            }
            List<String> bodyNames = descriptor.get().bodyFile().map(List::of).orElse(DEFAULT_BODIES);
            String bodyName = null;
            Optional<String> bodyText = Optional.empty();
            for (int i = 0; i < bodyNames.size() && bodyText.isEmpty(); i++) {
                bodyName = bodyNames.get(i);
                bodyText = files.read(bodyName);
            }
            if (bodyText.isEmpty()) {
                throw new TemplateDefinitionException(List.of(new TemplateProblem(prefix + descriptorName, 1, 1,
                        "its body file %s is missing".formatted(String.join(" or ", bodyNames)))));
            }
            Problems bodyProblems = new Problems(prefix + bodyName);
            TemplateBody body = bodyName.endsWith(".xml")
                    ? StorageTemplate.parse(bodyText.get(), descriptor.get().inputs(), bodyProblems)
                    : BodyTemplate.template(bodyText.get(), descriptor.get().inputs(), bodyProblems);
            bodyProblems.throwIfAny();
            return new DeclarativeTemplate(descriptor.get(), body, source, digest(descriptorText + "\u0000" + bodyText.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template at " + source, e);
        }
    }

    private static String digest(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new TemplateDefinitionException(List.of(new TemplateProblem(file.toString(), 1, 1,
                    "is larger than %d KiB".formatted(MAX_FILE_BYTES / 1024))));
        }
        return Optional.of(decode(Files.readAllBytes(file), file.toString()));
    }

    private static String decode(byte[] bytes, String file) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new TemplateDefinitionException(List.of(new TemplateProblem(file, 1, 1,
                    "is larger than %d KiB".formatted(MAX_FILE_BYTES / 1024))));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TemplateDefinitionException(List.of(new TemplateProblem(file, 1, 1, "is not UTF-8 text")));
        }
    }
}
