package ai.askel.confluence.adapter.http.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the console shows them: UTC, to the minute. */
final class Dates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String when(Instant instant) {
        return FORMAT.format(instant);
    }
}
