package dev.passerelle.api;

import dev.passerelle.glossary.GlossaryStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /v1/glossaries}: the server's glossaries, for {@code glossary_id}. */
@Path("/v1/glossaries")
public class GlossariesResource {

    private final GlossaryStore store;

    GlossariesResource(GlossaryStore store) {
        this.store = store;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The server's glossaries: name, entries in use, and the error of a file that could not be read",
            description = "One per NAME.tsv or NAME.csv file of passerelle.glossary.dir, read again when it changes. A "
                    + "file that cannot be read keeps its last good version in use; error names the file and line.")
    public Map<String, List<GlossaryStore.Listing>> list() {
        return Map.of("glossaries", store.list());
    }
}
