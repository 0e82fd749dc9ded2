package dev.passerelle.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/extract}. */
public record ExtractRequest(
        @Schema(description = "The page: a whole HTML document or a fragment of one") String html) {
}
