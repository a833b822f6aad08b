package org.floodready.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resolves option values from flags, then environment, then defaults; rejects unknown flags. */
final class Settings {
  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = values;
  }

  static Settings parse(List<Option> options, String[] args, Map<String, String> env) {
    Map<String, Option> byFlag = new HashMap<>();
    Map<String, String> values = new HashMap<>();
    for (Option o : options) {
      byFlag.put(o.flag(), o);
      values.put(o.flag(), env.getOrDefault(o.env(), o.defaultValue()));
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new ConfigException("unexpected argument '" + arg + "' (see --help)");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = "true";
      }
      if (!byFlag.containsKey(name)) {
        throw new ConfigException("unknown option --" + name + " (see --help)");
      }
      values.put(name, value);
    }
    return new Settings(values);
  }

  String string(String flag) {
    return values.get(flag).trim();
  }

  int integer(String flag, int min, int max) {
    String raw = string(flag);
    try {
      int v = Integer.parseInt(raw);
      if (v < min || v > max) {
        throw new ConfigException("--" + flag + " must be between " + min + " and " + max + ", got " + raw);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException("--" + flag + " must be a whole number, got '" + raw + "'");
    }
  }

  boolean bool(String flag) {
    String raw = string(flag).toLowerCase();
    return switch (raw) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new ConfigException("--" + flag + " must be true or false, got '" + raw + "'");
    };
  }
}
