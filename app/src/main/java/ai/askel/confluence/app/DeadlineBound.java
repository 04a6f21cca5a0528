package ai.askel.confluence.app;

import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.RequestDeadline;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts each call an embedder makes through a use case of the facade that calls Confluence or waits for another
 * publish under one request deadline, as the HTTP pipeline does for each request (which use cases are left out, and
 * why, is on {@link #wrap}); and, for every use case of the facade, refuses a call once the facade is closed, with a
 * {@link ConnectorException} saying so rather than whatever its closed pool or worker would answer.
 */
final class DeadlineBound {
    static final String CLOSED = "this AskelConfluence is closed: build a new one to go on";

    private final Duration deadline;
    private final AtomicBoolean closed = new AtomicBoolean();

    DeadlineBound(Duration deadline) {
        this.deadline = deadline;
    }

    /** From now on every call through a use case this handed out fails; answers whether this call closed it. */
    boolean close() {
        return closed.compareAndSet(false, true);
    }

    /** Fails once the facade is closed. */
    void requireOpen() {
        if (closed.get()) {
            throw new ConnectorException(ErrorCode.INTERNAL, CLOSED);
        }
    }

    /** The use case, each call refused once the facade is closed; no deadline (see {@link #wrap} for which). */
    <T> T open(Class<T> type, T useCase) {
        return proxy(type, useCase, false);
    }

    /**
     * Each call through the returned use case runs under one request deadline ({@code ASKEL_REQUEST_DEADLINE},
     * unless the caller already set an earlier one with {@link RequestDeadline#during}); a runbook publish gets 1 s
     * more per 256 KiB of attachments. Not wrapped: uploads ({@code uploadAttachment}, {@code attachToRunbook}), whose
     * deadline grows with their size in the adapter; the drift scan ({@code checkDrift}), which covers many calls, each
     * with its own default deadline; and the use cases that touch only the connector's own database, files and
     * templates (acknowledging a drift finding, workspaces, API keys, the audit log, master-key rotation, templates,
     * readiness, jobs), where nothing waits on a deadline.
     */
    <T> T wrap(Class<T> type, T useCase) {
        return proxy(type, useCase, true);
    }

    private <T> T proxy(Class<T> type, T useCase, boolean bounded) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(useCase, args);
            }
            requireOpen();
            if (!bounded) {
                return invoke(useCase, method, args);
            }
            return RequestDeadline.during(Deadline.after(deadline.plusSeconds(uploadBytes(args) / UPLOAD_BYTES_PER_SECOND)),
                    () -> invoke(useCase, method, args));
        });
        return type.cast(proxy);
    }

    private static Object invoke(Object useCase, Method method, Object[] args) {
        try {
            return method.invoke(useCase, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The slowest an attachment published with a runbook may travel before its deadline counts it as stalled. */
    private static final long UPLOAD_BYTES_PER_SECOND = 256 * 1024;

    /** Bytes of the attachments a call carries (a runbook publish with its diagram), which lengthen its deadline. */
    private static long uploadBytes(Object[] args) {
        long bytes = 0;
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof PublishRunbookCommand publish) {
                bytes += publish.attachments().stream().mapToLong(a -> a.size()).sum();
            }
        }
        return bytes;
    }
}
