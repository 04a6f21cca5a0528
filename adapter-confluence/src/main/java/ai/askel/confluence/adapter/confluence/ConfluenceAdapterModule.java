package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluencePermissionsPort;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The Confluence Cloud adapter: binds the six outbound Confluence ports. The application binds a
 * {@link ConfluenceClientSettings} and a {@link ai.askel.confluence.ports.out.ConfluenceCallObserver}.
 */
@Module
public abstract class ConfluenceAdapterModule {
    /** The qualifier of the adapter's own Jackson mapper, so it never clashes with another module's. */
    public static final String JSON = "confluence-adapter-json";

    private ConfluenceAdapterModule() {
    }

    @Provides
    @Singleton
    static ConfluenceSpacesPort spaces(ConfluenceSpacesAdapter adapter) {
        return UnusableAnswers.guard(ConfluenceSpacesPort.class, adapter);
    }

    @Provides
    @Singleton
    static ConfluencePagesPort pages(ConfluencePagesAdapter adapter) {
        return UnusableAnswers.guard(ConfluencePagesPort.class, adapter);
    }

    @Provides
    @Singleton
    static ConfluenceSearchPort search(ConfluenceSearchAdapter adapter) {
        return UnusableAnswers.guard(ConfluenceSearchPort.class, adapter);
    }

    @Provides
    @Singleton
    static ConfluenceLabelsPort labels(ConfluenceLabelsAdapter adapter) {
        return UnusableAnswers.guard(ConfluenceLabelsPort.class, adapter);
    }

    @Provides
    @Singleton
    static ConfluenceAttachmentsPort attachments(ConfluenceAttachmentsAdapter adapter) {
        return UnusableAnswers.guard(ConfluenceAttachmentsPort.class, adapter);
    }

    @Provides
    @Singleton
    static ConfluencePermissionsPort permissions(ConfluencePermissionsAdapter adapter) {
        return UnusableAnswers.guard(ConfluencePermissionsPort.class, adapter);
    }

    @Provides
    @Singleton
    static ConfluenceUsersPort users(ConfluenceUsersAdapter adapter) {
        return UnusableAnswers.guard(ConfluenceUsersPort.class, adapter);
    }

    @Provides
    @Singleton
    @Named(JSON)
    static ObjectMapper objectMapper() {
        return newMapper();
    }

    /** Confluence adds fields all the time: unknown ones are ignored (JacksonDecoder does not do that by itself). */
    static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
