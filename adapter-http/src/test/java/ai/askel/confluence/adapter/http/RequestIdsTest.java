package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestIdsTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void the_request_id_leaves_the_thread_with_the_request_when_answering_it_fails() {
        Handler.Wrapper wrapper = RequestIds.forgottenAfterEachRequest();
        wrapper.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) throws IOException {
                MDC.put(RequestIds.LOG_KEY, "req-1");
                throw new IOException("the caller went away while the answer was written");
            }
        });

        assertThatThrownBy(() -> wrapper.handle(null, null, null)).isInstanceOf(IOException.class);
        assertThat(MDC.get(RequestIds.LOG_KEY)).isNull();
    }

    @Test
    void the_request_id_leaves_the_thread_with_a_request_answered_normally_and_other_context_stays() throws Exception {
        MDC.put("host", "kept");
        Handler.Wrapper wrapper = RequestIds.forgottenAfterEachRequest();
        wrapper.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) {
                MDC.put(RequestIds.LOG_KEY, "req-2");
                return true;
            }
        });

        assertThat(wrapper.handle(null, null, null)).isTrue();
        assertThat(MDC.get(RequestIds.LOG_KEY)).isNull();
        assertThat(MDC.get("host")).isEqualTo("kept");
    }
}
