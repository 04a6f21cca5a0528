package ai.askel.confluence.app;

import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.RequestDeadline;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;

/**
 * Puts each call an embedder makes through a use case of the facade that calls Confluence or waits for another
 * publish under one request deadline, as the HTTP pipeline does for each request. Which use cases are left out, and
 * why, is on {@link #wrap}.
 */
final class DeadlineBound {
    private final Duration deadline;

    DeadlineBound(Duration deadline) {
        this.deadline = deadline;
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
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(useCase, args);
            }
            return RequestDeadline.during(Deadline.after(deadline.plusSeconds(uploadBytes(args) / UPLOAD_BYTES_PER_SECOND)), () -> {
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
            });
        });
        return type.cast(proxy);
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
