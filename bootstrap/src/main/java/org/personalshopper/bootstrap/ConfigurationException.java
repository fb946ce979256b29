package org.personalshopper.bootstrap;

/** A missing or malformed environment variable. The message names the variable and never echoes a secret. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
