package org.floodready.auth;

import org.floodready.access.Role;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.floodready.input.Fields;
import org.floodready.errors.ApiError;
import org.floodready.input.Checked;

/** Reads a new account from an admin (the API and the spreadsheet import alike), password policy included. */
public final class UserValidation {
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

  /**
   * An account the contract has checked ({@code createAdminUser}); what it cannot say is the password policy (not
   * the username, not a common password).
   */
  public static UserInput newUser(JsonObject body) {
    String username = Checked.requiredText(body, "username");
    String password = Checked.requiredText(body, "password");
    String problem = PasswordPolicy.problem(password, username);
    if (problem != null) {
      throw ApiError.invalid("password", problem);
    }
    return new UserInput(username, Checked.requiredText(body, "displayName"), password,
        Role.fromCode(Checked.text(body, "role")), Checked.id(body, "unitId"), Checked.text(body, "phone"),
        Checked.text(body, "email"));
  }
}
