package dev.passerelle.glossary;

import java.util.ArrayList;
import java.util.List;

/** The terms a translation applies: a server glossary, a request's own, or both joined. */
public record Glossary(List<GlossaryEntry> entries) {

    public static final Glossary EMPTY = new Glossary(List.of());

    public Glossary {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** This glossary's entries, then {@code more}'s: where both match the same words, the longer term wins, then the earlier. */
    public Glossary plus(Glossary more) {
        if (more.isEmpty()) {
            return this;
        }
        List<GlossaryEntry> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        return new Glossary(all);
    }
}
