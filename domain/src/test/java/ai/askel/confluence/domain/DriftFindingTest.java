package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DriftFindingTest {
    private static final ConnectionId CONNECTION = ConnectionId.random();
    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

    @ParameterizedTest
    @EnumSource(value = DriftKind.class, names = {"EDITED_IN_CONFLUENCE", "DELETED", "MOVED", "RENAMED", "LABELS_REMOVED",
            "ATTACHMENT_MISSING", "ATTACHMENT_REPLACED"})
    void page_findings_need_a_page_id(DriftKind kind) {
        assertThat(kind.concernsPage()).isTrue();
        assertThat(DriftFinding.seen(CONNECTION, Optional.of(PageId.of("1")), kind, "d", AT).pageId()).contains(PageId.of("1"));
        assertThatThrownBy(() -> DriftFinding.seen(CONNECTION, Optional.empty(), kind, "d", AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(kind + " needs page id");
    }

    @ParameterizedTest
    @EnumSource(value = DriftKind.class, names = {"CREDENTIALS_REJECTED", "PERMISSION_LOST", "SPACE_MISSING", "TOKEN_EXPIRING"})
    void connection_findings_take_no_page_id(DriftKind kind) {
        assertThat(kind.concernsPage()).isFalse();
        assertThat(DriftFinding.seen(CONNECTION, Optional.empty(), kind, "d", AT).pageId()).isEmpty();
        assertThatThrownBy(() -> DriftFinding.seen(CONNECTION, Optional.of(PageId.of("1")), kind, "d", AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(kind + " takes no page id");
    }

    @Test
    void a_new_finding_is_open_and_first_and_last_seen_now() {
        DriftFinding finding = DriftFinding.seen(CONNECTION, Optional.of(PageId.of("7")), DriftKind.DELETED, "404", AT);

        assertThat(finding.isOpen()).isTrue();
        assertThat(finding.firstSeen()).isEqualTo(AT);
        assertThat(finding.lastSeen()).isEqualTo(AT);
        assertThat(finding.resolvedAt()).isEmpty();
    }

    @Test
    void a_resolved_finding_is_closed() {
        DriftFinding resolved = new DriftFinding(CONNECTION, Optional.empty(), DriftKind.TOKEN_EXPIRING, "soon", AT, AT,
                Optional.of(AT.plusSeconds(60)));

        assertThat(resolved.isOpen()).isFalse();
    }

    @Test
    void drift_policies_parse_leniently_and_default_to_fail() {
        assertThat(DriftPolicy.parse(null)).isEqualTo(DriftPolicy.FAIL);
        assertThat(DriftPolicy.parse(" ")).isEqualTo(DriftPolicy.FAIL);
        assertThat(DriftPolicy.parse(" Overwrite ")).isEqualTo(DriftPolicy.OVERWRITE);
        assertThat(DriftPolicy.parse("skip")).isEqualTo(DriftPolicy.SKIP);
        assertThatThrownBy(() -> DriftPolicy.parse("ignore"))
                .hasMessage("onDrift: 'ignore' is not a drift policy: use fail, overwrite or skip");
    }
}
