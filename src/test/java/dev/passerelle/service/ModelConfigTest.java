package dev.passerelle.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.passerelle.model.DecoderChoice;
import dev.passerelle.model.Variant;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped application.properties: dev mode fetches a missing model, production does not. */
class ModelConfigTest {

    private static ModelConfig inProfile(String profile, Map<String, String> extra) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(ModelConfigTest.class.getResource("/application.properties")))
                .withSources(new PropertiesConfigSource(extra, "test overrides", 500))
                .withProfile(profile)
                .withMapping(ModelConfig.class)
                .build();
        return config.getConfigMapping(ModelConfig.class);
    }

    @Test
    void devModeFetchesTheMissingModel() throws IOException {
        assertTrue(inProfile("dev", Map.of()).fetchOnStart());
    }

    @Test
    void productionChoosesExplicitly() throws IOException {
        assertFalse(inProfile("prod", Map.of()).fetchOnStart());
        assertTrue(inProfile("prod", Map.of("passerelle.model.fetch-on-start", "true")).fetchOnStart());
    }

    @Test
    void variantAndDecoderReadAsTheirEnums() throws IOException {
        ModelConfig c = inProfile("prod", Map.of("passerelle.model.variant", "quantized",
                "passerelle.model.decoder", "split"));
        assertEquals(Variant.QUANTIZED, c.variant());
        assertEquals(DecoderChoice.SPLIT, c.decoder());
    }
}
