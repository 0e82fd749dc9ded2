package dev.passerelle.clean;

/** Kinds of scraped page furniture kept out of reader views and digests (text input still translates them). */
public enum Boilerplate {
    /** A photo caption or credit: "... Photo : Kremlin.ru", "© AFP", "Le port de Venise (archive)". */
    PHOTO_CREDIT,
    /** An author or agency line, or an author's bio: "Minh Duc (Selon TASS, Kazinform)", "Par Jean Dupont". */
    BYLINE,
    /** A source or further-reading line: "Source : https://...", "À lire aussi : ...". */
    SOURCE,
    /** A comment counter or prompt: "Comment (0)", "12 commentaires". */
    COMMENTS,
    /** Share, subscribe, newsletter, app and subscriber-only prompts. */
    SHARE,
    /** A bare web address. */
    URL,
    /** A fragment too short to be a sentence of the article. */
    FRAGMENT,
    /** A publication or update stamp, or a reading time: "publié le 2 juin 2019 à 12h30", "Lecture : 3 min". */
    DATELINE,
    /** A list of tags or topics: "Mots-clés : ...". */
    TAGS,
    /** Script code left in the text: {@code window.pvp_x = new Pvp(...)}. */
    SCRIPT,
    /** A block the classifier finds furniture by its shape (little running text, many links, among furniture). */
    FURNITURE
}
