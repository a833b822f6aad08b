package org.floodready.config;

/** One configurable setting: its command-line flag, environment variable, default and meaning. */
public record Option(String flag, String env, String defaultValue, String description) {

  public static Option of(String flag, String defaultValue, String description) {
    String env = "FLOODREADY_" + flag.replace('-', '_').toUpperCase();
    return new Option(flag, env, defaultValue, description);
  }
}
