/**
 * The use-case services: one {@code *Service} per inbound port of {@code ports.in}, each built by
 * constructor injection from outbound ports ({@code ports.out}) and domain types only, never from an
 * adapter. Tunables are in {@link ai.askel.confluence.app.usecase.UseCaseSettings}.
 *
 * <p>Shared pieces: {@link ai.askel.confluence.app.usecase.ConnectionLookup} (a connection of
 * another workspace is simply not found), {@link ai.askel.confluence.app.usecase.AuditTrail} (an
 * audit event per write, never a secret or a body), {@link ai.askel.confluence.app.usecase.AttachmentGuard}
 * (size pre-flight and streamed SHA-256) and {@link ai.askel.confluence.app.usecase.TemplateInputValidator}.
 *
 * <p>{@link ai.askel.confluence.app.usecase.CheckReadinessService} takes
 * a {@code Set<HealthCheckPort>} (a Dagger multibinding; declare it with {@code @Multibinds}).
 */
package ai.askel.confluence.app.usecase;
