package dev.passerelle.model;

/** Which decoder layout to run, as configured: a {@link DecoderLayout}, or whichever the folder has. */
public enum DecoderChoice {
    /** The merged graph when present (it holds the decoder weights once), else the split pair. */
    AUTO,
    /** Only {@link DecoderLayout#SPLIT}. */
    SPLIT,
    /** Only {@link DecoderLayout#MERGED}. */
    MERGED;

    /** The name used in settings and on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
