package org.transferlab.experiments.run;

import org.transferlab.core.TransferLabException;

/**
 * The run directory could not be written (a full disk, say). Unlike an error inside one cell, it
 * stops the whole run: no later cell could be kept either.
 */
public final class RunDirectoryException extends TransferLabException {
    private static final long serialVersionUID = 1L;

    RunDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
