package org.sockspec.impl;

/** A command-line mistake, reported in one line with exit status {@link ExitStatus#USAGE}. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
