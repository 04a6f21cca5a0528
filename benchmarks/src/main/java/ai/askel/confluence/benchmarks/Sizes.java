package ai.askel.confluence.benchmarks;

/** Byte-size constants and conversions for figures. */
final class Sizes {
    static final long MIB = 1L << 20;

    private Sizes() {
    }

    static double mib(long bytes) {
        return bytes / (double) MIB;
    }

    static double mib(String bytes) {
        return mib(Long.parseLong(bytes));
    }
}
