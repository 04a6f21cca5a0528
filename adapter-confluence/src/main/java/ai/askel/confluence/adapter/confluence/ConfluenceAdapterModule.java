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
import dagger.Binds;
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

    @Binds
    abstract ConfluenceSpacesPort spaces(ConfluenceSpacesAdapter adapter);

    @Binds
    abstract ConfluencePagesPort pages(ConfluencePagesAdapter adapter);

    @Binds
    abstract ConfluenceSearchPort search(ConfluenceSearchAdapter adapter);

    @Binds
    abstract ConfluenceLabelsPort labels(ConfluenceLabelsAdapter adapter);

    @Binds
    abstract ConfluenceAttachmentsPort attachments(ConfluenceAttachmentsAdapter adapter);

    @Binds
    abstract ConfluencePermissionsPort permissions(ConfluencePermissionsAdapter adapter);

    @Binds
    abstract ConfluenceUsersPort users(ConfluenceUsersAdapter adapter);

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
