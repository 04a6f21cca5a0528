package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.adapter.http.ApiJson.RegisterConnectionJson;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.RunbookContent;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.JobItemRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestMapperTest {
    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void modified_since_takes_a_date_a_local_date_time_or_an_instant() {
        assertThat(RequestMapper.searchQuery(params("modifiedSince", "2026-01-31")).cql()).endsWith("lastmodified >= \"2026-01-31\"");
        assertThat(RequestMapper.searchQuery(params("modifiedSince", "2026-01-31T09:30")).cql()).endsWith("lastmodified >= \"2026-01-31 09:30\"");
        assertThat(RequestMapper.searchQuery(params("modifiedSince", "2026-01-31T10:30+01:00")).cql())
                .endsWith("lastmodified >= \"2026-01-31 09:30\"");
        assertThatThrownBy(() -> RequestMapper.searchQuery(params("modifiedSince", "yesterday")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("modifiedSince"));
    }

    @Test
    void title_contains_is_a_keyword_match_and_without_filters_every_page_is_searched() {
        assertThat(RequestMapper.searchQuery(params("titleContains", "prod: east")).cql()).isEqualTo("type = \"page\" AND title ~ \"prod east\"");
        assertThat(RequestMapper.searchQuery(params()).cql()).isEqualTo("type = \"page\"");
    }

    @Test
    void limit_defaults_to_25_and_accepts_1_to_250() {
        assertThat(RequestMapper.limit(Optional.empty())).isEqualTo(25);
        assertThat(RequestMapper.limit(Optional.of("250"))).isEqualTo(250);
        assertThatThrownBy(() -> RequestMapper.limit(Optional.of("251"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RequestMapper.limit(Optional.of("ten"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_bad_expiry_date_and_a_token_with_spaces_are_both_named() {
        RegisterConnectionJson json = new RegisterConnectionJson("Acme", "https://acme.atlassian.net", "ops@acme.example",
                "two words", null, "31/01/2027");

        assertThatThrownBy(() -> RequestMapper.registerCommand(FakeConnector.WORKSPACE_A, json))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(InvalidInputException.Problem::field).containsExactly("apiToken", "tokenExpiresOn");
                    assertThat(e.getMessage()).doesNotContain("two words");
                });
    }

    @Test
    void a_batch_item_with_one_label_or_one_attachment_more_than_the_most_names_the_items_fields() {
        List<String> labels = java.util.stream.IntStream.rangeClosed(1, Label.MAX_PER_REQUEST + 1).mapToObj(i -> "label-" + i).toList();
        List<ApiJson.InlineAttachmentJson> files = java.util.stream.IntStream.rangeClosed(1, RunbookContent.MAX_ATTACHMENTS + 1)
                .mapToObj(i -> new ApiJson.InlineAttachmentJson("file-" + i + ".png", "image/png", "AQ==", null)).toList();
        ApiJson.BatchItemJson item = new ApiJson.BatchItemJson("customer-environment", "INFRA", null, "T", null, labels, null, files);

        assertThatThrownBy(() -> RequestMapper.batchItem(3, item))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InvalidInputException.Problem("items[3].labels", "at most 50 labels, got 51"),
                        new InvalidInputException.Problem("items[3].attachments", "at most 20 files per publish, got 21")));
    }

    @Test
    void a_batch_item_with_the_most_labels_and_attachments_is_accepted() {
        List<String> labels = java.util.stream.IntStream.rangeClosed(1, Label.MAX_PER_REQUEST).mapToObj(i -> "label-" + i).toList();
        List<ApiJson.InlineAttachmentJson> files = java.util.stream.IntStream.rangeClosed(1, RunbookContent.MAX_ATTACHMENTS)
                .mapToObj(i -> new ApiJson.InlineAttachmentJson("file-" + i + ".png", "image/png", "AQ==", null)).toList();

        JobItemRequest request = RequestMapper.batchItem(0,
                new ApiJson.BatchItemJson("customer-environment", "INFRA", null, "T", null, labels, null, files));

        assertThat(request.labels()).hasValueSatisfying(l -> assertThat(l).hasSize(50));
        assertThat(request.attachments()).hasSize(20);
    }
}
