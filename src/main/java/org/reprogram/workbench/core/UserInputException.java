package org.reprogram.workbench.core;

import java.nio.file.Path;

/**
 * A problem with something the user supplied (a file, a folder, an option value). The message
 * names the offending input and says how to fix it; front ends show it without a stack trace.
 */
public class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message of the form "FILE: problem. Fix: hint". */
    public static UserInputException forFile(Path file, String problem, String fix) {
        return new UserInputException(file + ": " + problem + (fix == null ? "" : ". Fix: " + fix));
    }

    public static UserInputException forFile(Path file, String problem, String fix, Throwable cause) {
        return new UserInputException(file + ": " + problem + (fix == null ? "" : ". Fix: " + fix), cause);
    }
}
