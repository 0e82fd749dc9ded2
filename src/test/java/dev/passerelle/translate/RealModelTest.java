package dev.passerelle.translate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.Fixture;
import dev.passerelle.model.Variant;
import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.OnnxOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Needs the real opus-mt-fr-en in models/opus-mt-fr-en (fetch-model), so it is tagged and left
 * out of the default run; run it with {@code ./mvnw test -Dgroups=real-model -DexcludedGroups=}.
 */
@Tag("real-model")
class RealModelTest {

    @Test
    void translatesTheSampleArticleIntoEnglish() {
        ModelFiles files = ModelFiles.locate(Path.of("models/opus-mt-fr-en"), Variant.FP32, DecoderChoice.AUTO);
        try (Translator translator = Translator.open(files, OnnxOptions.DEFAULT, BatchLimits.DEFAULT, 200)) {
            TranslationResult r = translator.translate(List.of(Fixture.sampleText()),
                    new DecodeOptions(4, true, 2.0, 10)).get(0);
            String first = r.sentences().get(0).translation();
            assertTrue(first.contains("Kazakhstan") && first.contains("Russia"), first);
            assertTrue(r.sentences().stream().allMatch(s -> s.score() > -2.5), r.sentences()::toString);
        }
    }
}
