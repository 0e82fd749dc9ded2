package dev.passerelle.evaluate;

/** ROUGE-1, ROUGE-2 and ROUGE-L F1, each between 0 and 1. */
public record RougeScores(double rouge1, double rouge2, double rougeL) {

    /** The sum of two score sets, for averaging. */
    public RougeScores plus(RougeScores o) {
        return new RougeScores(rouge1 + o.rouge1, rouge2 + o.rouge2, rougeL + o.rougeL);
    }

    /** These scores divided by {@code n}. */
    public RougeScores over(int n) {
        return new RougeScores(rouge1 / n, rouge2 / n, rougeL / n);
    }
}
