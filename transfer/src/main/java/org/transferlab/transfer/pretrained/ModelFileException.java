package org.transferlab.transfer.pretrained;

import org.transferlab.core.TransferLabException;

/**
 * A model file that cannot be used as asked: unreadable, not a DL4J model, or not matching what the config
 * says about it. {@link #key()} is the config key the problem is about ({@code file} for the file itself), so
 * the config loader can point at its line.
 */
public final class ModelFileException extends TransferLabException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ModelFileException(String key, String message) {
        super(message);
        this.key = key;
    }

    public ModelFileException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The key of {@link ModelFile.Request} (kebab-case) or {@code file}. */
    public String key() {
        return key;
    }
}
