package dev.passerelle.api;

import dev.passerelle.health.PublicStatus;
import dev.passerelle.model.GenerationConfig;
import dev.passerelle.model.MarianConfig;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.ModelProvenance;
import dev.passerelle.service.ModelStatus;
import dev.passerelle.service.LoadedModel;
import dev.passerelle.service.ModelLifecycle;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.MarianEngine;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/models}: what is loaded (id, revision, files relative to the model folder) and how
 * it decodes by default; never the folder's path or an exception's text, which the log holds.
 */
@Path("/v1/models")
@Tag(name = "models")
public class ModelsResource {

    private final ModelLifecycle service;

    ModelsResource(ModelLifecycle service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The model this instance serves, its files, sizes and decoding defaults")
    public ModelsResponse models() {
        ModelStatus status = service.status();
        String state = status.state().name().toLowerCase(Locale.ROOT);
        Optional<LoadedModel> loaded = service.serving();
        if (loaded.isEmpty()) {
            return new ModelsResponse(List.of(new ModelsResponse.ModelView(service.modelId(), state, PublicStatus.message(status.state()),
                    null, null, null, null, null, null, null, null)));
        }
        MarianEngine engine = loaded.get().translator().engine();
        ModelFiles files = engine.files();
        MarianConfig c = engine.config();
        GenerationConfig g = engine.generation();
        DecodeOptions d = loaded.get().defaults();
        Optional<ModelProvenance> origin = loaded.get().provenance();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (java.nio.file.Path p : files.graphs()) {
            sizes.put(files.dir().relativize(p).toString(), size(p));
        }
        for (java.nio.file.Path p : List.of(files.sourceSpm(), files.vocab(), files.config(), files.generationConfig())) {
            sizes.put(files.dir().relativize(p).toString(), size(p));
        }
        return new ModelsResponse(List.of(new ModelsResponse.ModelView(
                loaded.get().modelId(), state, PublicStatus.message(status.state()),
                origin.map(ModelProvenance::repository).orElse(null),
                origin.map(ModelProvenance::revision).orElse("local"),
                files.variant().label(), files.layout().name().toLowerCase(Locale.ROOT),
                sizes, sizes.values().stream().mapToLong(Long::longValue).sum(),
                new ModelsResponse.Dimensions(c.vocabSize(), c.dModel(), c.encoderLayers(), c.decoderLayers(),
                        c.decoderHeads(), c.maxPositions()),
                new ModelsResponse.Decoding(d.beams(), RequestRules.MAX_BEAMS, g.maxLength(), d.maxLengthRatio(),
                        d.maxLengthOffset(), d.repetitionGuard(), engine.limits().maxSentences(), engine.limits().maxTokens()))));
    }

    private static long size(java.nio.file.Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
