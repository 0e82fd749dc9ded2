package dev.passerelle.summarize;

import dev.passerelle.text.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups content sentences into units: consecutive sentences of one paragraph stay together while
 * a « ... » (or “ ... ”) quotation is open, or a "..." one: straight quotes have no direction, so
 * a sentence with an odd number of them opens a quotation or closes the open one.
 */
public final class QuoteUnits {

    /**
     * A quotation longer than this is taken for a stray mark (an inch sign, an unclosed « ) rather
     * than a quote: its sentences become units of their own again. Real quotes in the news run to
     * a few sentences; without the cap one stray mark made a 20,000-character paragraph one bullet.
     */
    static final int MAX_SENTENCES = 6;
    static final int MAX_CHARS = 1_200;

    private QuoteUnits() {
    }

    public static List<Unit> group(List<Segment> content) {
        List<Unit> units = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        int depth = 0;
        boolean straight = false;
        for (Segment s : content) {
            boolean continues = !current.isEmpty() && (depth > 0 || straight)
                    && current.size() < MAX_SENTENCES
                    && s.span().end() - current.get(0).span().start() <= MAX_CHARS
                    && s.paragraph() == current.get(0).paragraph()
                    && s.index() == current.get(current.size() - 1).index() + 1;
            if (!current.isEmpty() && !continues) {
                units.add(unit(units.size(), current));
                current = new ArrayList<>();
                depth = 0;
                straight = false;
            }
            current.add(s);
            depth = Math.max(0, depth + opened(s.text()));
            straight ^= s.text().chars().filter(c -> c == '"').count() % 2 == 1;
        }
        if (!current.isEmpty()) {
            units.add(unit(units.size(), current));
        }
        return units;
    }

    /** Quotation marks opened minus closed. */
    static int opened(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '«' || c == '“') {
                n++;
            } else if (c == '»' || c == '”') {
                n--;
            }
        }
        return n;
    }

    private static Unit unit(int index, List<Segment> segments) {
        StringBuilder text = new StringBuilder();
        for (Segment s : segments) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(s.text());
        }
        return new Unit(index, List.copyOf(segments), text.toString());
    }
}
