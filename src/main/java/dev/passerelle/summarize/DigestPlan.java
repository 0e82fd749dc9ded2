package dev.passerelle.summarize;

import dev.passerelle.clean.Verdict;
import dev.passerelle.text.Document;
import java.util.List;

/** The French side of a digest: the article's sentences, which are boilerplate, and what was chosen. */
public record DigestPlan(Document document, List<Verdict> verdicts, Summary summary) {
}
