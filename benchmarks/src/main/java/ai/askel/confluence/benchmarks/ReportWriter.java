package ai.askel.confluence.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link Report} as {@code report.md} (for people and the README) and {@code report.json} (for tools). */
public final class ReportWriter {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Report report, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("report.md"), markdown(report));
            Files.writeString(directory.resolve("report.json"), json(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + directory, e);
        }
    }

    public String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n");
        md.append("- Date: ").append(report.started()).append('\n');
        md.append("- Machine: ").append(report.machine().describe()).append('\n');
        for (String note : report.notes()) {
            md.append("- ").append(note).append('\n');
        }
        md.append("\n## Misses\n\n");
        List<Figure> misses = report.misses();
        List<String> incomplete = report.incomplete();
        if (misses.isEmpty() && incomplete.isEmpty()) {
            md.append("None: every figure with a target met it.\n");
        }
        for (Figure f : misses) {
            md.append("- **").append(f.scenario()).append(" · ").append(f.name()).append("**: ").append(f.formattedValue())
                    .append(", target ").append(f.target().orElseThrow().describe(f.unit())).append('\n');
        }
        for (String s : incomplete) {
            md.append("- ").append(s).append('\n');
        }
        for (Report.Section section : report.sections()) {
            md.append("\n## ").append(section.title()).append(" (`").append(section.id()).append("`)").append("\n\n");
            section.outcome().ifPresent(o -> md.append("**").append(o).append("**\n\n"));
            if (!section.figures().isEmpty()) {
                md.append("| Figure | Measured | Target | | Note |\n|---|---:|---|---|---|\n");
                for (Figure f : section.figures()) {
                    md.append("| ").append(cell(f.name())).append(" | ").append(f.formattedValue()).append(" | ")
                            .append(f.target().map(t -> cell(t.describe(f.unit()))).orElse("–")).append(" | ")
                            .append(f.target().isEmpty() ? "" : f.misses() ? "**MISS**" : "ok").append(" | ")
                            .append(cell(f.note())).append(" |\n");
                }
                md.append('\n');
            }
            for (String note : section.notes()) {
                md.append("- ").append(note).append('\n');
            }
            md.append(String.format(java.util.Locale.ROOT, "\n_Scenario time: %.1f s._\n", section.seconds()));
        }
        return md.toString();
    }

    public String json(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("date", report.started().toString());
        MachineInfo m = report.machine();
        root.put("machine", Map.of("cores", m.cores(), "memoryBytes", m.memoryBytes(), "cpu", m.cpu(), "os", m.os(), "jdk", m.jdk()));
        root.put("notes", report.notes());
        List<Map<String, Object>> misses = new ArrayList<>();
        report.misses().forEach(f -> misses.add(figure(f)));
        root.put("misses", misses);
        root.put("incomplete", report.incomplete());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Report.Section s : report.sections()) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("id", s.id());
            section.put("title", s.title());
            section.put("outcome", s.outcome().orElse("ran"));
            section.put("seconds", s.seconds());
            section.put("figures", s.figures().stream().map(ReportWriter::figure).toList());
            section.put("notes", s.notes());
            sections.add(section);
        }
        root.put("scenarios", sections);
        try {
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> figure(Figure f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", f.scenario());
        out.put("name", f.name());
        out.put("value", f.value());
        out.put("unit", f.unit());
        f.target().ifPresent(t -> {
            out.put("target", Map.of("kind", t.kind().name(), "bound", t.bound(), "source", t.source()));
            out.put("met", !f.misses());
        });
        out.put("note", f.note());
        return out;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
