package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.ChooseDefaultSpaceUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A connection as the console shows it: where, who, and its health at a glance (from its open connection-wide findings). */
final class ConnectionViews {
    /** How close to its expiry date a token is shown as a warning. */
    static final long EXPIRY_WARNING_DAYS = 14;

    private final CheckDriftUseCase drift;
    private final ChooseDefaultSpaceUseCase defaults;

    @Inject
    ConnectionViews(CheckDriftUseCase drift, ChooseDefaultSpaceUseCase defaults) {
        this.drift = drift;
        this.defaults = defaults;
    }

    /** One connection: who, where, whether it works, and the space it publishes to. */
    record ConnectionView(String id, String name, String site, String email, String health, String healthClass,
                          List<String> warnings, String tokenExpiry, Optional<String> defaultSpace, String lastScan) {
    }

    /**
     * When the connection was last scanned for drift and how that ended, in words, with the findings open now (acting
     * on a finding settles it at once; the scan's own count would still include it).
     */
    static String lastScan(Optional<DriftScanStatus> scan, int openNow) {
        return scan.map(s -> Dates.when(s.finishedAt()) + switch (s.outcome()) {
            case COMPLETED -> ": completed; " + openNow + " open finding" + (openNow == 1 ? "" : "s") + " now";
            case CREDENTIALS_REJECTED -> ": Confluence rejected the credentials";
            case FAILED -> ": failed" + s.problem().map(p -> " (" + p + ")").orElse("") + "; the findings are from an earlier scan";
        }).orElse("not scanned yet");
    }

    ConnectionView view(Connection c) {
        ConnectionRef ref = new ConnectionRef(c.workspace(), c.id());
        List<String> warnings = new ArrayList<>();
        boolean bad = c.status() == ConnectionStatus.CREDENTIALS_REJECTED;
        List<DriftFinding> open = drift.openFindings(ref);
        for (DriftFinding f : open) {
            if (!f.kind().concernsPage()) {
                warnings.add(OversightPages.explainKind(f.kind()) + " (seen " + Dates.when(f.lastSeen()) + ")");
                bad = bad || f.kind() == DriftKind.PERMISSION_LOST || f.kind() == DriftKind.CREDENTIALS_REJECTED;
            }
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String expiry = c.tokenExpiresOn().map(d -> {
            long days = ChronoUnit.DAYS.between(today, d);
            return days < 0 ? "expired on " + d : days == 0 ? "expires today" : "expires in " + days + " day" + (days == 1 ? "" : "s") + " (" + d + ")";
        }).orElse("no expiry date given");
        boolean expiringSoon = c.tokenExpiresOn().map(d -> ChronoUnit.DAYS.between(today, d) <= EXPIRY_WARNING_DAYS).orElse(false);
        String health = c.status() == ConnectionStatus.CREDENTIALS_REJECTED ? "Credentials rejected"
                : bad ? "Needs attention" : expiringSoon || !warnings.isEmpty() ? "Verified, with warnings" : "Verified";
        String healthClass = bad ? "bad" : expiringSoon || !warnings.isEmpty() ? "warn" : "ok";
        return new ConnectionView(c.id().value(), c.name(), c.site().origin(), c.email().value(), health, healthClass,
                warnings, expiry, defaults.defaultSpace(ref).map(SpaceKey::value), lastScan(drift.lastScan(ref), open.size()));
    }
}
