package org.floodready.auth;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.floodready.input.Fields;
import org.floodready.errors.ApiError;
import org.floodready.input.Checked;

/**
 * What a new password must be: at least 10 characters, not the username, and not on the list of common
 * leaked passwords shipped in {@code auth/common-passwords.txt} (compared ignoring case).
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 10;
  private static final Set<String> COMMON = load();

  private PasswordPolicy() {
  }

  /** Reads the new password the contract has checked from the field; 400 naming it when it breaks a rule. */
  public static String newPassword(JsonObject body, String field, String username) {
    String password = Checked.requiredText(body, field);
    String problem = problem(password, username);
    if (problem != null) {
      throw ApiError.invalid(field, problem);
    }
    return password;
  }

  /** Why the password is refused, or null when it is acceptable. */
  public static String problem(String password, String username) {
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "must be at least " + MIN_LENGTH + " characters";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return "must not contain the username";
    }
    if (COMMON.contains(lower)) {
      return "is one of the most common passwords; choose another";
    }
    return null;
  }

  private static Set<String> load() {
    Set<String> common = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("/auth/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("auth/common-passwords.txt is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          common.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return common;
  }
}
