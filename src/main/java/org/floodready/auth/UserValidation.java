package org.floodready.auth;

import org.floodready.access.Role;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.floodready.input.Fields;

/** Checks a new account from an admin (the API and the spreadsheet import alike), password policy included. */
public final class UserValidation {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** An account as sent; the password still in clear (hash it off the event loop). */
  public record UserInput(String username, String displayName, String password, Role role, Long unitId,
      String phone, String email) {
  }

  private UserValidation() {
  }

  public static boolean isEmail(String s) {
    return EMAIL.matcher(s).matches();
  }

  public static UserInput newUser(JsonObject body) {
    Fields in = new Fields(body);
    String username = in.requiredText("username", 64);
    if (username != null) {
      in.check(USERNAME.matcher(username).matches(), "username", "use 3 to 64 letters, digits, '.', '_' or '-'");
    }
    String displayName = in.requiredText("displayName", 100);
    String password = PasswordPolicy.newPassword(in, "password", username);
    String role = in.oneOf("role", Role.userRoleCodes(), true);
    Long unitId = in.id("unitId", false);
    String phone = in.optionalText("phone", 32);
    String email = in.optionalText("email", 200);
    in.check(email == null || isEmail(email), "email", "must be an e-mail address");
    in.validate();
    return new UserInput(username, displayName, password, Role.fromCode(role), unitId, phone, email);
  }
}
