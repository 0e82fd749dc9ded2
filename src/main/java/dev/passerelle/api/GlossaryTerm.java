package dev.passerelle.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a request's own glossary. */
public record GlossaryTerm(
        @Schema(description = "French term, matched as whole words; elisions match (l'OCS)", example = "OCS")
        String source,
        @Schema(description = "English term the translation must contain, written as given", example = "SCO")
        String target,
        @Schema(description = "ignore (default: match any case) or exact; accents always count",
                enumeration = {"ignore", "exact"})
        @JsonProperty("case") String caseRule) {
}
