package com.example.askel;

// tag::embedding[]
import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.AskelWorkspace;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.CreatePageCommand;
import java.nio.file.Path;
import java.util.Set;

public final class EmbeddingExample {

    /** Registers a customer's site, writes a page into its INFRA space and reads it back. */
    public static Page createAndReadBack(Path dataDirectory, String siteUrl, String email, String apiToken) {
        // tag::readme[]
        try (AskelConfluence askel = AskelConfluence.builder()
                .dataDirectory(dataDirectory)   // the embedded H2 database and the master-key file live here
                .allowSiteOrigin(siteUrl)       // only for sites that are not https://<name>.atlassian.net (e.g. the sandbox)
                .build()) {
            AskelWorkspace tenant = askel.defaultWorkspace();   // or askel.workspace(id), one per tenant of the host

            // 1. Register the customer's site: the credentials are verified with Confluence, the token stored encrypted.
            //    A name is unique in its workspace: register once and keep connection.id() (a second "acme" is a CONFLICT).
            Connection connection = askel.registerConnection().register(tenant.newConnection()
                    .name("acme").siteUrl(siteUrl).email(email).apiToken(Secret.token(apiToken)).build());
            ConnectionRef acme = tenant.connection(connection.id());

            // 2. Create a page, with a label, at the top of the INFRA space.
            Page created = askel.createPage().create(CreatePageCommand.of(acme, SpaceKey.of("INFRA"),
                    Title.of("Hello from our backend"),
                    PageBody.storage("<p>Written by an embedded Askel Confluence connector.</p>"))
                    .withLabels(Set.of(Label.of("embedded"))));

            // 3. Read it back: title, body, labels, version and its URL in Confluence.
            return askel.readPage().read(acme, created.id());
        }
        // end::readme[]
    }

    private EmbeddingExample() {
    }
}
// end::embedding[]
