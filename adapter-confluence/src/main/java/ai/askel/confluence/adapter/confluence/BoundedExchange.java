package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.DeadlineExceededException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with Confluence, given up at the attempt's timeout or the request's deadline,
 * whichever comes first: the JDK client's request timeout bounds the wait for the answer's head, and
 * the body subscriber's own timeout (to the same instant) bounds the body, then cancels the stream
 * (the connection is closed, Confluence sees the caller leave). The body is read as it arrives, up to
 * a cap; a longer answer is cut off at the cap and reported as {@code CONFLUENCE_RESPONSE_TOO_LARGE},
 * never buffered whole.
 *
 * <p>The exchange runs with {@link HttpClient#send}, not {@code sendAsync}: the asynchronous API hands
 * every answer to {@code CompletableFuture}'s default executor, which on a machine with two cores or
 * fewer starts a new thread per task, one thread per call.
 */
final class BoundedExchange {
    private BoundedExchange() {
    }

    /**
     * Sends the request (its timeout is set here) and returns the answer with its body. An attempt
     * timeout is an {@link HttpTimeoutException} (the retry policy may try again); a passed deadline is
     * a {@link DeadlineExceededException} (nothing more is tried).
     */
    static HttpResponse<byte[]> send(HttpClient http, HttpRequest.Builder request, String route, long maxBytes, Duration attemptTimeout,
                                     Deadline deadline) throws IOException {
        Duration left = deadline.remaining();
        if (left.isZero()) {
            throw expired(route, deadline);
        }
        boolean deadlineFirst = left.compareTo(attemptTimeout) <= 0;
        Duration wait = deadlineFirst ? left : attemptTimeout;
        long giveUpAt = System.nanoTime() + wait.toNanos();
        try {
            return http.send(request.timeout(wait).build(), info -> new Capped(info, maxBytes, giveUpAt));
        } catch (HttpConnectTimeoutException e) {
            throw e;
        } catch (HttpTimeoutException e) {
            // the answer's head did not come in time: it ends below, as a body that did not come in time does
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Confluence");
        } catch (IOException e) {
            if (causedBy(e, TooLarge.class)) {
                throw new ConnectorException(ErrorCode.CONFLUENCE_RESPONSE_TOO_LARGE, "Confluence's answer to " + route
                        + " is larger than the " + (maxBytes / 1024) + " KiB the connector reads for that endpoint; it was not read further",
                        null, null);
            }
            if (!causedBy(e, TimeoutException.class)) {
                throw e;
            }
        }
        if (deadlineFirst) {
            throw expired(route, deadline);
        }
        throw new HttpTimeoutException("no complete answer within " + attemptTimeout.toMillis() + " ms");
    }

    /** The client wraps what the body subscriber failed with (once or twice, depending on where it surfaced). */
    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static DeadlineExceededException expired(String route, Deadline deadline) {
        return new DeadlineExceededException("the request's deadline of " + Bulkhead.seconds(deadline.budget())
                + " passed before Confluence answered " + route + "; the call was cancelled and is not retried", null);
    }

    /** Marks an answer cut off at the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("the answer is larger than " + max + " bytes");
        }
    }

    /** Collects the body up to {@code max} bytes; cancels the stream (closing the connection) past it. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final long max;
        private final long declared;
        private ByteArrayOutputStream out;
        private volatile Flow.Subscription subscription;
        private long total;

        Capped(HttpResponse.ResponseInfo info, long max, long giveUpAt) {
            this.max = max;
            this.declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            // the body's share of the attempt: a stalled or trickling body ends with a TimeoutException at the same instant
            result.orTimeout(Math.max(giveUpAt - System.nanoTime(), 0), TimeUnit.NANOSECONDS)
                    .whenComplete((body, failure) -> {
                        if (failure instanceof TimeoutException) {
                            cancel();
                        }
                    });
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone()) {
                s.cancel();
                return;
            }
            if (declared > max) {
                s.cancel();
                result.completeExceptionally(new TooLarge(max));
                return;
            }
            out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 1024), 1024 * 1024));
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                total += item.remaining();
                if (total > max) {
                    out = null;
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(max));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        private void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            if (!result.isDone()) {
                result.complete(out.toByteArray());
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
