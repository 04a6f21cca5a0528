package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.stream.Collectors;

/**
 * Guards each port: an answer Confluence may legally send but the connector cannot use (a null list
 * item, a free-text link, a space id of "string", a negative version) becomes a
 * {@code CONFLUENCE_ERROR} that names the endpoint and the field, instead of a stack trace or the
 * caller's {@code INVALID_INPUT}. A failure counts as the answer's when it happens after an answer came
 * in the same port call; before any answer, errors pass unchanged (they are about the caller's input).
 */
final class UnusableAnswers {
    /** The routes whose answers were read on this thread during the current port call, in order. */
    private static final ThreadLocal<java.util.Set<String>> ANSWERED = new ThreadLocal<>();

    private UnusableAnswers() {
    }

    /** Called after each answer is read: failures from here on are about that answer. */
    static void answered(String route) {
        java.util.Set<String> routes = ANSWERED.get();
        if (routes == null) {
            routes = new java.util.LinkedHashSet<>();
            ANSWERED.set(routes);
        }
        if (routes.size() < 8) {
            routes.add(route);
        }
    }

    /** {@code port} behind a guard that re-labels failures caused by an unusable answer. */
    static <P> P guard(Class<P> type, P port) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(port, args);
            }
            return during(() -> {
                try {
                    return method.invoke(port, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        });
        return type.cast(proxy);
    }

    /** Work that may throw anything its port may. */
    interface Work<T> {
        T run() throws Throwable;
    }

    /** Runs one port call (or one lazily fetched page of it) under the guard. */
    static <T> T during(Work<T> work) throws Throwable {
        java.util.Set<String> outer = ANSWERED.get();
        ANSWERED.remove();
        try {
            return work.run();
        } catch (RuntimeException failure) {
            java.util.Set<String> routes = ANSWERED.get();
            String route = routes == null || routes.isEmpty() ? null : String.join(" or ", routes);
            if (route != null && unusable(failure)) {
                throw new ConnectorException(ErrorCode.CONFLUENCE_ERROR, "Confluence's answer to " + route
                        + " could not be used: " + describe(failure), null, failure);
            }
            if (route != null && failure instanceof ConnectorException known && known.code() == ErrorCode.CONFLUENCE_ERROR
                    && !known.getMessage().contains(route)) {
                throw new ConnectorException(ErrorCode.CONFLUENCE_ERROR, "In the answer to " + route + ": " + known.getMessage(),
                        known.traceId().orElse(null), known);
            }
            throw failure;
        } finally {
            if (outer == null) {
                ANSWERED.remove();
            } else {
                ANSWERED.set(outer);
            }
        }
    }

    /** {@link #during} for work that throws only unchecked exceptions. */
    static <T> T unchecked(java.util.function.Supplier<T> work) {
        try {
            return during(work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Failures that come from reading an answer: Confluence's own refusals (already mapped) are not among them. */
    private static boolean unusable(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().noneMatch(p -> p.field().equals("confluence"));
        }
        return !(e instanceof ConnectorException);
    }

    private static String describe(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().limit(3).map(p -> "field '" + p.field() + "' " + p.message()).collect(Collectors.joining("; "));
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof NullPointerException) {
            return "a value it needs is null (" + shorten(message) + ")";
        }
        return e.getClass().getSimpleName() + " (" + shorten(message) + ")";
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= 200 ? clean : clean.substring(0, 197) + "...";
    }
}
