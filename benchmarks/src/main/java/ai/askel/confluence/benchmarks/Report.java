package ai.askel.confluence.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything one benchmark run measured: when, on what, and each scenario's figures and notes. */
public final class Report {

    /** One scenario's part of the report. {@code outcome} is empty when it ran, else why it was skipped or failed. */
    public static final class Section {
        private final String id;
        private final String title;
        private final List<Figure> figures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private Optional<String> outcome = Optional.empty();
        private double seconds;
        private boolean selected = true;

        Section(String id, String title) {
            this.id = Objects.requireNonNull(id, "id");
            this.title = Objects.requireNonNull(title, "title");
        }

        public Section figure(String name, double value, String unit, Target target, String note) {
            figures.add(new Figure(id, name, value, unit, Optional.of(target), note));
            return this;
        }

        public Section figure(String name, double value, String unit, String note) {
            figures.add(new Figure(id, name, value, unit, Optional.empty(), note));
            return this;
        }

        public Section note(String note) {
            notes.add(Objects.requireNonNull(note, "note"));
            return this;
        }

        /** {@code why} is the whole outcome, e.g. "peer skipped: node not found". */
        void skipped(String why) {
            outcome = Optional.of(why);
        }

        void notSelected() {
            outcome = Optional.of("not run: not selected with -Dbench.scenarios");
            selected = false;
        }

        void failed(String why) {
            outcome = Optional.of("FAILED: " + why);
        }

        void seconds(double seconds) {
            this.seconds = seconds;
        }

        public String id() {
            return id;
        }

        public String title() {
            return title;
        }

        public List<Figure> figures() {
            return List.copyOf(figures);
        }

        public List<String> notes() {
            return List.copyOf(notes);
        }

        public Optional<String> outcome() {
            return outcome;
        }

        public double seconds() {
            return seconds;
        }
    }

    private final Instant started;
    private final MachineInfo machine;
    private final List<Section> sections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(Instant started, MachineInfo machine) {
        this.started = Objects.requireNonNull(started, "started");
        this.machine = Objects.requireNonNull(machine, "machine");
    }

    public Section section(String id, String title) {
        Section section = new Section(id, title);
        sections.add(section);
        return section;
    }

    public Report note(String note) {
        notes.add(Objects.requireNonNull(note, "note"));
        return this;
    }

    public Instant started() {
        return started;
    }

    public MachineInfo machine() {
        return machine;
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Every figure that misses its target, in report order. */
    public List<Figure> misses() {
        return sections.stream().flatMap(s -> s.figures.stream()).filter(Figure::misses).toList();
    }

    /** Scenarios that were selected but skipped (a missing tool) or failed, with the reason. */
    public List<String> incomplete() {
        return sections.stream().filter(s -> s.selected && s.outcome.isPresent()).map(s -> s.id + " " + s.title + ": " + s.outcome.get()).toList();
    }
}
