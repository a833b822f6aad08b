package org.floodready.config;

/** A setting that cannot be used; the message names the option. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
