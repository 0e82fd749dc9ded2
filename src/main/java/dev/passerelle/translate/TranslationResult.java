package dev.passerelle.translate;

import java.util.List;

/** A translated text: the whole translation and its sentences. */
public record TranslationResult(String translation, List<SentenceTranslation> sentences) {
}
