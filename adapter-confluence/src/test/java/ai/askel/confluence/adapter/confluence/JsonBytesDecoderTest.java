package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBytesDecoderTest {
    private static final String RESULTS = "{\"results\":[{\"id\":\"7\",\"key\":\"OPS\",\"title\":\"Runbook\",\"spaceId\":\"7\"}],\"_links\":{}}";

    private final JsonBytesDecoder decoder = new JsonBytesDecoder(ConfluenceAdapterModule.newMapper());

    @Test
    void one_decoder_reads_each_parameterised_answer_type_as_itself() throws Exception {
        Type spaces = ConfluenceApi.class.getMethod("spacesByKey", String.class).getGenericReturnType();
        Type pages = ConfluenceApi.class.getMethod("pagesByTitle", String.class, String.class).getGenericReturnType();

        Object asSpaces = decoder.decode(answer(200, RESULTS), spaces);
        Object asPages = decoder.decode(answer(200, RESULTS), pages);
        Object spacesAgain = decoder.decode(answer(200, RESULTS), spaces);

        assertThat(((ConfluenceWire.Results<?>) asSpaces).results()).singleElement().isInstanceOf(ConfluenceWire.Space.class);
        assertThat(((ConfluenceWire.Results<?>) asPages).results()).singleElement().isInstanceOf(ConfluenceWire.Page.class);
        assertThat(((ConfluenceWire.Results<?>) spacesAgain).results()).singleElement().isInstanceOf(ConfluenceWire.Space.class);
    }

    @Test
    void an_empty_answer_is_null_and_a_404_the_types_empty_value() throws Exception {
        assertThat(decoder.decode(answer(200, ""), ConfluenceWire.Space.class)).isNull();
        assertThat(decoder.decode(answer(404, "{\"message\":\"gone\"}"), ConfluenceWire.Space.class)).isNull();
    }

    private static Response answer(int status, String body) {
        Request request = Request.create(Request.HttpMethod.GET, "https://example.atlassian.net/wiki/api/v2/spaces", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder().status(status).reason("").headers(Map.of()).request(request)
                .body(body.getBytes(StandardCharsets.UTF_8)).build();
    }
}
