package ai.askel.confluence.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Fault injection for reliability tests and benchmarks: added latency, a share of 5xx answers or dropped
 * connections, and a given status on the next N requests matching a method and path pattern. Admin calls are never
 * affected. Thread-safe; changes apply to the next request.
 */
public final class Faults {

    /** What to do with one request. */
    record Decision(Duration delay, boolean drop, int status, Duration retryAfter) {
        boolean fails() {
            return status > 0;
        }
    }

    /**
     * The next {@code remaining} requests whose method matches ({@code *} for any) and whose path matches
     * {@code pathPattern} ({@code *} = one path segment or part of it, {@code **} = anything) answer {@code status}.
     */
    private static final class Rule {
        final String method;
        final String pathPattern;
        final Pattern regex;
        final int status;
        final Duration retryAfter;
        int remaining;

        Rule(String method, String pathPattern, int status, int times, Duration retryAfter) {
            this.method = method.toUpperCase(Locale.ROOT);
            this.pathPattern = pathPattern;
            this.regex = glob(pathPattern);
            this.status = status;
            this.remaining = times;
            this.retryAfter = retryAfter;
        }

        boolean matches(String requestMethod, String path, String template) {
            return ("*".equals(method) || method.equals(requestMethod))
                    && (regex.matcher(path).matches() || pathPattern.equals(template));
        }
    }

    private Duration latency = Duration.ZERO;
    private Duration jitter = Duration.ZERO;
    private double errorRate;
    private int errorStatus = 503;
    private double dropRate;
    private final List<Rule> rules = new ArrayList<>();
    private Random random = new Random();

    /** Adds {@code latency} to every request. */
    public synchronized Faults latency(Duration latency) {
        return latency(latency, Duration.ZERO);
    }

    /** Adds {@code latency} plus a uniform random extra of up to {@code jitter} to every request. */
    public synchronized Faults latency(Duration latency, Duration jitter) {
        if (latency.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency and jitter must not be negative");
        }
        this.latency = latency;
        this.jitter = jitter;
        return this;
    }

    /** Answers {@code status} (a 5xx) to a random {@code share} (0..1) of requests. */
    public synchronized Faults errorRate(double share, int status) {
        requireShare(share);
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("error status must be a 5xx: " + status);
        }
        this.errorRate = share;
        this.errorStatus = status;
        return this;
    }

    /** Closes the connection without an answer for a random {@code share} (0..1) of requests. */
    public synchronized Faults dropRate(double share) {
        requireShare(share);
        this.dropRate = share;
        return this;
    }

    /** The next {@code times} requests matching {@code method} and {@code pathPattern} answer {@code status}. */
    public Faults failNext(String method, String pathPattern, int status, int times) {
        return failNext(method, pathPattern, status, times, Duration.ZERO);
    }

    /** As {@link #failNext(String, String, int, int)}, with a {@code Retry-After} header (seconds) when non-zero. */
    public synchronized Faults failNext(String method, String pathPattern, int status, int times,
                                        Duration retryAfter) {
        if (status < 400 || status > 599 || times < 1) {
            throw new IllegalArgumentException("status must be 4xx/5xx and times >= 1");
        }
        rules.add(new Rule(method, pathPattern, status, times, retryAfter));
        return this;
    }

    /** Makes the random choices repeatable. */
    public synchronized Faults seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** Removes every fault. */
    public synchronized Faults clear() {
        latency = Duration.ZERO;
        jitter = Duration.ZERO;
        errorRate = 0;
        errorStatus = 503;
        dropRate = 0;
        rules.clear();
        return this;
    }

    synchronized Decision decide(String method, String path, String template) {
        Duration delay = latency;
        if (!jitter.isZero()) {
            delay = delay.plusMillis((long) (random.nextDouble() * jitter.toMillis()));
        }
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.matches(method, path, template)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return new Decision(delay, false, rule.status, rule.retryAfter);
            }
        }
        if (dropRate > 0 && random.nextDouble() < dropRate) {
            return new Decision(delay, true, 0, Duration.ZERO);
        }
        if (errorRate > 0 && random.nextDouble() < errorRate) {
            return new Decision(delay, false, errorStatus, Duration.ZERO);
        }
        return new Decision(delay, false, 0, Duration.ZERO);
    }

    /** The current settings, for the admin API. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("latencyMs", latency.toMillis());
        out.put("jitterMs", jitter.toMillis());
        out.put("errorRate", errorRate);
        out.put("errorStatus", errorStatus);
        out.put("dropRate", dropRate);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Rule rule : rules) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("method", rule.method);
            r.put("path", rule.pathPattern);
            r.put("status", rule.status);
            r.put("remaining", rule.remaining);
            r.put("retryAfterSeconds", rule.retryAfter.toSeconds());
            list.add(r);
        }
        out.put("rules", list);
        return out;
    }


    private static void requireShare(double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share must be between 0 and 1: " + share);
        }
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
