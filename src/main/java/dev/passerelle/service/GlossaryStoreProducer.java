package dev.passerelle.service;

import dev.passerelle.glossary.GlossaryConfig;
import dev.passerelle.glossary.GlossaryStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The server's glossaries, from {@code passerelle.glossary.*}: one store for the service. */
public class GlossaryStoreProducer {

    @Produces
    @Singleton
    GlossaryStore store(GlossaryConfig config) {
        return new GlossaryStore(config.dir(), config.maxEntries(), config.recheck());
    }
}
