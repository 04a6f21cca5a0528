package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.error.ForbiddenException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.AuthenticateApiKeyUseCase;
import ai.askel.confluence.ports.in.ActingApiKey;
import ai.askel.confluence.ports.in.AuthenticatedCaller;
import ai.askel.confluence.ports.in.IdempotencyDecision;
import ai.askel.confluence.ports.in.IdempotencyUseCase;
import ai.askel.confluence.ports.in.RequestDeadline;
import ai.askel.confluence.ports.out.IdempotencyRecord.StoredResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every request goes through: the API key, the body (content type, size, JSON or multipart),
 * the {@code Idempotency-Key} of a POST, the route itself, and the mapping of whatever it threw to
 * a problem. Nothing here logs a header or a body.
 *
 * <p>Whatever a route throws, {@link Error}s included (a plugin's render that overflows the stack),
 * becomes a problem+json answer, and a claimed idempotency key is settled: released after a failure
 * worth retrying, completed otherwise. An {@link OutOfMemoryError} is the one exception: the key is
 * released and the error is thrown on, since the process is not fit to go on; if it cannot even be
 * released, its lease runs out (the claim is renewed only while the request runs).
 */
final class RequestPipeline {
    static final String ROUTE_ATTRIBUTE = "askel.route";
    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);
    private static final Pattern BEARER = Pattern.compile("Bearer ([\\x21-\\x7e]{1,512})", Pattern.CASE_INSENSITIVE);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final AuthenticateApiKeyUseCase authenticator;
    private final IdempotencyUseCase idempotency;
    private final JsonCodec json;
    private final ProblemMapper problems;
    private final MultipartReader multipart;
    private final HttpServerSettings settings;
    private final RequestBounds bounds;
    private final LeaseRenewals leases;

    @Inject
    RequestPipeline(AuthenticateApiKeyUseCase authenticator, IdempotencyUseCase idempotency, JsonCodec json,
                    ProblemMapper problems, MultipartReader multipart, HttpServerSettings settings, RequestBounds bounds,
                    LeaseRenewals leases) {
        this.authenticator = authenticator;
        this.idempotency = idempotency;
        this.json = json;
        this.problems = problems;
        this.multipart = multipart;
        this.settings = settings;
        this.bounds = bounds;
        this.leases = leases;
    }

    void handle(Api.Route route, Context ctx) {
        ctx.attribute(ROUTE_ATTRIBUTE, route.path());
        String instance = ctx.path();
        Reply reply;
        // health, metrics and the OpenAPI document are never queued behind API calls: only keyed routes take an admission
        try (AutoCloseable admitted = route.authenticated() ? bounds.admit() : () -> { }) {
            Optional<AuthenticatedCaller> caller = route.authenticated() ? Optional.of(permitted(route, authenticate(ctx))) : Optional.empty();
            long declared = ctx.req().getContentLengthLong();
            // a chunked upload declares no length: give it the time the largest allowed upload would get
            long length = declared >= 0 ? declared : route.body() != Api.Body.JSON ? settings.maxAttachmentBytes() : 0;
            Optional<MultipartReader.WithFiles> withFiles = route.body() == Api.Body.JSON_OR_MULTIPART && isMultipart(ctx)
                    ? Optional.of(bounds.readWithin(ctx, bounds.bodyTime(length), () -> multipart.readWithFiles(ctx, settings.maxJsonBodyBytes())))
                    : Optional.empty();
            byte[] body = withFiles.isPresent() ? withFiles.get().request()
                    : route.body() == Api.Body.JSON || route.body() == Api.Body.JSON_OR_MULTIPART
                    ? bounds.readWithin(ctx, bounds.bodyTime(0), () -> readJson(ctx, false))
                    : route.body() == Api.Body.BATCH ? bounds.readWithin(ctx, bounds.bodyTime(length), () -> readJson(ctx, true))
                    : new byte[0];
            Optional<MultipartReader.Upload> upload = route.body() == Api.Body.MULTIPART
                    ? Optional.of(bounds.readWithin(ctx, bounds.bodyTime(length), () -> multipart.read(ctx))) : Optional.empty();
            Call call = new Call(ctx, caller, body, upload.map(MultipartReader.Upload::attachment),
                    withFiles.map(MultipartReader.WithFiles::attachments).orElse(List.of()), json);
            Optional<String> key = Optional.ofNullable(ctx.header(IDEMPOTENCY_HEADER));
            Supplier<Reply> serve = () -> route.method().equals("POST") && key.isPresent() && caller.isPresent()
                    ? idempotent(route, call, caller.get(), idempotencyKey(key.get()), () -> requestHash(route, instance, body, upload, withFiles),
                            instance)
                    : execute(route, call, instance);
            // one deadline for the request's work; audit events name the API key (its visible prefix) the request was served for
            Supplier<Reply> bounded = () -> RequestDeadline.during(bounds.deadline(upload.isPresent() || withFiles.isPresent() ? length : 0), serve);
            reply = caller.map(c -> ActingApiKey.during(c.keyPrefix(), bounded)).orElseGet(bounded);
        } catch (OutOfMemoryError fatal) {
            throw fatal;
        } catch (Throwable e) { // checked exceptions can arrive undeclared from Kotlin code, and Errors from plugins
            reply = toProblem(route, e, instance);
        }
        write(ctx, reply);
    }

    /** Nothing is read, reserved or written for a key whose scope falls short: the refusal comes first. */
    private static AuthenticatedCaller permitted(Api.Route route, AuthenticatedCaller caller) {
        ApiKeyScope required = route.scope().orElseThrow();
        if (!caller.scope().allows(required)) {
            throw new ForbiddenException("this API key has the %s scope; %s %s needs %s".formatted(caller.scope().wireName(),
                    route.method(), route.path(), required.wireName()));
        }
        return caller;
    }

    private AuthenticatedCaller authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw HttpProblemException.unauthenticated("the Authorization header is missing; send Authorization: Bearer <api key>");
        }
        var matcher = BEARER.matcher(header.strip());
        if (!matcher.matches()) {
            throw HttpProblemException.unauthenticated("the Authorization header is malformed; send Authorization: Bearer <api key>");
        }
        return authenticator.authenticate(matcher.group(1));
    }

    /** The body, bounded: a JSON document, or for a batch also NDJSON (up to {@link Api#MAX_BATCH_BODY_BYTES}). */
    private byte[] readJson(Context ctx, boolean batch) {
        String contentType = ctx.contentType();
        boolean accepted = contentType != null && (mediaType(contentType).equals(JSON) || batch && mediaType(contentType).equals(NDJSON));
        if (!accepted) {
            throw HttpProblemException.unsupportedMediaType(batch ? JSON + " or " + NDJSON : JSON, contentType);
        }
        long limit = batch ? Api.MAX_BATCH_BODY_BYTES : settings.maxJsonBodyBytes();
        if (ctx.req().getContentLengthLong() > limit) {
            throw HttpProblemException.tooLarge("the request body", limit);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, (int) Math.min(ctx.req().getContentLengthLong(), limit)));
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw HttpProblemException.tooLarge("the request body", limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw HttpProblemException.badRequest("body", "could not be read: the client stopped sending");
        }
    }

    private static boolean isMultipart(Context ctx) {
        return ctx.contentType() != null && mediaType(ctx.contentType()).equals(MultipartReader.MULTIPART);
    }

    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String idempotencyKey(String raw) {
        if (!IDEMPOTENCY_KEY.matcher(raw).matches()) {
            throw HttpProblemException.badRequest(IDEMPOTENCY_HEADER, "must be 1 to 255 visible ASCII characters");
        }
        return raw;
    }

    /** The request's identity for its idempotency key: method, path and body (for an upload or a request with files, every part). */
    private static ContentHash requestHash(Api.Route route, String path, byte[] body, Optional<MultipartReader.Upload> upload,
                                           Optional<MultipartReader.WithFiles> withFiles) {
        String bodyHash = upload.map(MultipartReader.Upload::contentHash)
                .or(() -> withFiles.map(MultipartReader.WithFiles::contentHash)).map(ContentHash::hex)
                .orElseGet(() -> ContentHash.ofBytes(body).hex());
        return ContentHash.of(route.method(), path, bodyHash);
    }

    private Reply idempotent(Api.Route route, Call call, AuthenticatedCaller caller, String key,
                             Supplier<ContentHash> hash, String instance) {
        IdempotencyDecision decision = idempotency.begin(caller.workspace(), key, hash.get());
        if (decision.replay().isPresent()) {
            StoredResponse stored = decision.replay().get();
            Optional<Object> body = stored.body().isEmpty() ? Optional.empty() : Optional.of(new RawJson(stored.body()));
            return new Reply(stored.status(), body, Map.of("Idempotency-Replayed", "true"));
        }
        Reply reply;
        try (LeaseRenewals.Renewal renewal = leases.every(idempotency.renewalInterval(),
                () -> idempotency.renew(caller.workspace(), key))) {
            reply = execute(route, call, instance);
        } catch (OutOfMemoryError fatal) {
            releaseQuietly(route, caller, key);
            throw fatal;
        }
        // a failure worth retrying (the server's, or Confluence's rate limit) frees the key; any other answer is kept
        boolean retryable = reply.status() >= 500 || reply.status() == 429;
        try {
            if (retryable) {
                idempotency.release(caller.workspace(), key);
            } else {
                // an answer's secret (a new API key) is never stored: its replay answers without it
                Optional<Object> kept = reply.body().map(body -> body instanceof ApiJson.CarriesSecret secret ? secret.shownOnce() : body);
                idempotency.complete(caller.workspace(), key, new StoredResponse(reply.status(), kept.map(this::serialise).orElse("")));
            }
        } catch (RuntimeException e) {
            LOG.warn("idempotency key of {} {} could not be settled: {}", route.method(), route.path(), e.getClass().getName());
            if (!retryable) {
                releaseQuietly(route, caller, key);
            }
        }
        return reply;
    }

    /** Frees a key whose response could not be stored, so it is not left "in progress" until it expires. */
    private void releaseQuietly(Api.Route route, AuthenticatedCaller caller, String key) {
        try {
            idempotency.release(caller.workspace(), key);
        } catch (RuntimeException e) {
            LOG.warn("idempotency key of {} {} could not be released either: {}", route.method(), route.path(), e.getClass().getName());
        }
    }

    private Reply execute(Api.Route route, Call call, String instance) {
        try {
            return route.handler().handle(call);
        } catch (OutOfMemoryError fatal) {
            throw fatal;
        } catch (Throwable e) {
            return toProblem(route, e, instance);
        }
    }

    private Reply toProblem(Api.Route route, Throwable e, String instance) {
        if (e instanceof ConnectorException connector) {
            if (connector.code() == ErrorCode.INTERNAL || connector.code() == ErrorCode.SECRET_KEY_MISMATCH) {
                LOG.error("{} {} failed with {}", route.method(), route.path(), connector.code(), e);
            } else if (ProblemMapper.status(connector.code()) >= 500) {
                LOG.warn("{} {} failed with {} (Confluence trace id {})", route.method(), route.path(), connector.code(),
                        connector.traceId().orElse("none"));
            }
            return problems.fromConnector(connector, instance);
        }
        if (e instanceof HttpProblemException http) {
            return problems.fromHttp(http, instance);
        }
        if (e instanceof HttpResponseException javalin) {
            int status = javalin.getStatus();
            ErrorCode code = status == 413 ? ErrorCode.PAYLOAD_TOO_LARGE : status == 404 ? ErrorCode.NOT_FOUND
                    : status < 500 ? ErrorCode.INVALID_INPUT : ErrorCode.INTERNAL;
            return problems.of(status, code, status < 500 ? javalin.getMessage() : ProblemMapper.GENERIC_INTERNAL_DETAIL, instance);
        }
        // the type and where it was thrown, not the message: an unexpected message may carry anything
        StackTraceElement[] trace = e.getStackTrace();
        LOG.error("{} {} failed unexpectedly: {} at {}", route.method(), route.path(), e.getClass().getName(),
                trace.length > 0 ? trace[0] : "unknown location");
        if (e instanceof StackOverflowError) {
            LOG.error("{} {}: the stack overflowed (a template or plugin recursing without end?)", route.method(), route.path());
        }
        LOG.debug("{} {} failure", route.method(), route.path(), e);
        return problems.unexpected(instance);
    }

    private String serialise(Object body) {
        return body instanceof RawJson raw ? raw.json() : json.write(body);
    }

    void write(Context ctx, Reply reply) {
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        reply.body().ifPresent(body -> {
            if (body instanceof OperationsRoutes.PlainText text) {
                ctx.contentType(text.contentType());
                ctx.result(text.text());
            } else {
                boolean problem = body instanceof ApiJson.ProblemJson || (body instanceof RawJson && reply.status() >= 400);
                ctx.contentType(problem ? PROBLEM_JSON : JSON);
                ctx.result(serialise(body));
            }
        });
    }

    /** A body already serialised (a replayed response). */
    record RawJson(String json) {
    }
}
