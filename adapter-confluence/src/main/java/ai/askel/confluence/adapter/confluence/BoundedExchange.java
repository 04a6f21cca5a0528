package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.DeadlineExceededException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with Confluence through the JDK client's async API, so that it can be given up:
 * the answer is awaited at most until the attempt's timeout or the request's deadline, whichever
 * comes first, and then the exchange is cancelled (the connection is closed, Confluence sees the
 * caller leave). The body is read as it arrives, up to a cap; a longer answer is cut off at the cap
 * and reported as {@code CONFLUENCE_RESPONSE_TOO_LARGE}, never buffered whole.
 */
final class BoundedExchange {
    private BoundedExchange() {
    }

    /**
     * Sends {@code request} and returns the answer with its body. An attempt timeout is an
     * {@link HttpTimeoutException} (the retry policy may try again); a passed deadline is a
     * {@link DeadlineExceededException} (nothing more is tried).
     */
    static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, String route, long maxBytes, Duration attemptTimeout,
                                     Deadline deadline) throws IOException {
        Duration left = deadline.remaining();
        if (left.isZero()) {
            throw expired(route, deadline);
        }
        boolean deadlineFirst = left.compareTo(attemptTimeout) <= 0;
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> new Capped(info, maxBytes));
        try {
            return answer.get((deadlineFirst ? left : attemptTimeout).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            if (deadlineFirst) {
                throw expired(route, deadline);
            }
            throw new HttpTimeoutException("no complete answer within " + attemptTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Confluence");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new ConnectorException(ErrorCode.CONFLUENCE_RESPONSE_TOO_LARGE, "Confluence's answer to " + route
                        + " is larger than the " + (maxBytes / 1024) + " KiB the connector reads for that endpoint; it was not read further",
                        null, null);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("the exchange with Confluence failed: " + (cause == null ? "unknown" : cause.getClass().getSimpleName()), cause);
        }
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
        private Flow.Subscription subscription;
        private long total;

        Capped(HttpResponse.ResponseInfo info, long max) {
            this.max = max;
            this.declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
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
