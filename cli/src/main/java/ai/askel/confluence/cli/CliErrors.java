package ai.askel.confluence.cli;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failure into one clear line on standard error and an exit code; never a stack trace or a secret. */
final class CliErrors implements IExecutionExceptionHandler {
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);
    private static final Set<ErrorCode> CALLER_ERRORS = EnumSet.of(ErrorCode.INVALID_INPUT, ErrorCode.INVALID_STORAGE_FORMAT,
            ErrorCode.SITE_NOT_ALLOWED, ErrorCode.NOT_FOUND, ErrorCode.TEMPLATE_ERROR, ErrorCode.PAYLOAD_TOO_LARGE);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        if (e instanceof ConnectorException ce) {
            String trace = ce.traceId().map(t -> " (Confluence trace id " + t + ")").orElse("");
            cli.getErr().println("error [" + ce.code() + "]: " + ce.getMessage() + trace);
            return CALLER_ERRORS.contains(ce.code()) ? BAD_INPUT : FAILED;
        }
        if (e instanceof CliUsageException) {
            cli.getErr().println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                cli.getErr().println("error: cannot listen on the port asked for (" + rootMessage(e) + "); choose another with --port");
                return FAILED;
            }
        }
        LOG.error("unexpected failure in {}", cli.getCommandName(), e);
        cli.getErr().println("error [INTERNAL]: " + e.getClass().getSimpleName() + ": the connector failed unexpectedly; see the log");
        return FAILED;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }

    /** A command used wrongly, beyond what picocli checks. */
    static final class CliUsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CliUsageException(String message) {
            super(message);
        }
    }
}
