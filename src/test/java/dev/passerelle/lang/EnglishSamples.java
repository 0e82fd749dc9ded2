package dev.passerelle.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** English news-like sentences written for Passerelle's tests ({@code lang/english-news.txt}). */
final class EnglishSamples {

    private EnglishSamples() {
    }

    static List<String> sentences() {
        try (InputStream in = EnglishSamples.class.getResourceAsStream("/lang/english-news.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
