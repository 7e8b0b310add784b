package org.transferlab.core;

/**
 * An error the user can fix: a bad config, a missing or corrupt data file, an unknown plugin name.
 * Its message names the file, the key or line, and what was expected; the command line prints it
 * without a stack trace and exits non-zero.
 */
public class TransferLabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransferLabException(String message) {
        super(message);
    }

    public TransferLabException(String message, Throwable cause) {
        super(message, cause);
    }
}
