package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Confluence Query Language query. The typed builder quotes and escapes every value (inner
 * quotes and backslashes), so a title or label can never change the query's meaning; {@link #raw}
 * is there for experts who write CQL themselves.
 */
public record CqlQuery(String cql) {
    public static final int MAX_LENGTH = 4000;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public CqlQuery {
        Require.present(cql, "cql");
        cql = cql.strip();
        Require.noControlCharacters(cql.replace('\n', ' ').replace('\t', ' '), "cql");
        if (cql.length() > MAX_LENGTH) {
            throw InvalidInputException.of("cql", "is longer than %d characters".formatted(MAX_LENGTH));
        }
    }

    public static CqlQuery raw(String cql) {
        return new CqlQuery(cql);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A CQL string literal: double-quoted, with {@code \} and {@code "} escaped. */
    public static String quote(String value) {
        Objects.requireNonNull(value, "value");
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return cql;
    }

    /** Clauses combined with AND, in the order given, with an optional ORDER BY. */
    public static final class Builder {
        private final List<String> clauses = new ArrayList<>();
        private String orderBy = "";

        private Builder() {
        }

        public Builder type(String type) {
            return clause("type = " + quote(type));
        }

        public Builder space(SpaceKey space) {
            return clause("space = " + quote(space.value()));
        }

        public Builder spaces(Collection<SpaceKey> spaces) {
            return clause("space in (" + spaces.stream().map(s -> quote(s.value())).collect(Collectors.joining(", ")) + ")");
        }

        public Builder titleEquals(String title) {
            return clause("title = " + quote(title));
        }

        /**
         * A keyword match on the title. Lucene reads some characters as syntax even inside quotes
         * ({@code :} separates a field, for one), so those are replaced by spaces.
         */
        public Builder titleContains(String keywords) {
            String safe = keywords.replaceAll("[:+\\-!(){}\\[\\]^~*?/|&]", " ").strip().replaceAll("\\s+", " ");
            if (safe.isEmpty()) {
                throw InvalidInputException.of("titleContains", "has no words to search for");
            }
            return clause("title ~ " + quote(safe));
        }

        public Builder label(Label label) {
            return clause("label = " + quote(label.name()));
        }

        public Builder labels(Collection<Label> labels) {
            return clause("label in (" + labels.stream().map(l -> quote(l.name())).collect(Collectors.joining(", ")) + ")");
        }

        public Builder lastModifiedSince(LocalDate day) {
            return clause("lastmodified >= " + quote(day.toString()));
        }

        public Builder lastModifiedSince(LocalDateTime minute) {
            return clause("lastmodified >= " + quote(MINUTES.format(minute)));
        }

        public Builder lastModifiedBefore(LocalDate day) {
            return clause("lastmodified < " + quote(day.toString()));
        }

        public Builder orderByLastModifiedDescending() {
            orderBy = " ORDER BY lastmodified DESC";
            return this;
        }

        private Builder clause(String clause) {
            clauses.add(clause);
            return this;
        }

        public CqlQuery build() {
            if (clauses.isEmpty()) {
                throw InvalidInputException.of("cql", "a search needs at least one condition");
            }
            return new CqlQuery(String.join(" AND ", clauses) + orderBy);
        }
    }
}
