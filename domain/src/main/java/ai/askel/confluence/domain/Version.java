package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;

/** A page version number: 1 for a new page, and each update writes the next one. */
public record Version(int number) implements Comparable<Version> {
    public static final Version FIRST = new Version(1);

    public Version {
        if (number < 1) {
            throw InvalidInputException.of("version", "must be a positive number, was " + number);
        }
    }

    public static Version of(int number) {
        return new Version(number);
    }

    public Version next() {
        return new Version(Math.addExact(number, 1));
    }

    public boolean isAfter(Version other) {
        return number > other.number;
    }

    @Override
    public int compareTo(Version other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return Integer.toString(number);
    }
}
