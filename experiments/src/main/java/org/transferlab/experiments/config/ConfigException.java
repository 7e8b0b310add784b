package org.transferlab.experiments.config;

import org.transferlab.core.TransferLabException;

/** A config error, located: the message starts with {@code file:line:} and names the key. */
public final class ConfigException extends TransferLabException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }

    public ConfigException(String file, int line, String message, Throwable cause) {
        super(file + ":" + line + ": " + message, cause);
    }
}
