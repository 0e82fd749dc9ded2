package dev.passerelle.glossary;

/** A glossary file that cannot be read: the message names the file and the line. */
public final class GlossaryFormatException extends Exception {

    public GlossaryFormatException(String message) {
        super(message);
    }
}
