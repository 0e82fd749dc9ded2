package dev.passerelle.clean;

/** Kinds of scraped page furniture kept out of digests (they are still translated). */
public enum Boilerplate {
    /** A photo caption or credit: "... Photo : Kremlin.ru", "© AFP". */
    PHOTO_CREDIT,
    /** An author or agency line: "Minh Duc (Selon TASS, Kazinform)", "Par Jean Dupont". */
    BYLINE,
    /** A source or further-reading line: "Source : https://...", "À lire aussi : ...". */
    SOURCE,
    /** A comment counter or prompt: "Comment (0)", "12 commentaires". */
    COMMENTS,
    /** Share, subscribe and follow prompts. */
    SHARE,
    /** A bare web address. */
    URL,
    /** A fragment too short to be a sentence of the article. */
    FRAGMENT
}
