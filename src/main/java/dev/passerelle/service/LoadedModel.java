package dev.passerelle.service;

import dev.passerelle.batch.BatchScheduler;
import dev.passerelle.model.ModelFiles;
import dev.passerelle.model.ModelProvenance;
import dev.passerelle.translate.DecodeOptions;
import dev.passerelle.translate.Translator;
import java.util.Optional;

/**
 * A model that is serving: its pipeline and what requests need alongside it. A request takes one
 * {@code LoadedModel} and uses it throughout, so its defaults and its translator always belong together.
 *
 * @param modelId model name and revision, as answers report it
 * @param defaults decoding when a request does not choose
 * @param provenance where the model came from, when {@code fetch-model} installed it
 */
public record LoadedModel(Translator translator, BatchScheduler scheduler, DecodeOptions defaults, String modelId,
                          Optional<ModelProvenance> provenance) {

    public ModelFiles files() {
        return translator.engine().files();
    }

    /**
     * Stops accepting, drains what is queued (up to {@code drainMillis}), abandons the rest so a
     * running batch stops at its next step, and frees the native resources only once no batch runs.
     */
    void close(long drainMillis) {
        scheduler.shutdownThenClose(drainMillis, BatchScheduler.STOP_MILLIS, translator::close);
    }
}
