package org.floodready.notify;

import io.vertx.sqlclient.Row;

/** A person to notify, with how to reach them. */
record Person(long id, String username, String displayName, String phone, String email, String preferredChannel) {
  static final String COLUMNS = "u.id, u.username, u.display_name, u.phone, u.email, u.preferred_channel";

  static Person from(Row r) {
    return new Person(r.getLong("id"), r.getString("username"), r.getString("display_name"), r.getString("phone"),
        r.getString("email"), r.getString("preferred_channel"));
  }

  /** The preferred channel when it can reach them, else e-mail, else SMS; "none" when nothing can. */
  String channel() {
    boolean hasEmail = email != null && !email.isBlank();
    boolean hasPhone = phone != null && !phone.isBlank();
    if (preferredChannel != null && (!"email".equals(preferredChannel) || hasEmail)
        && (!"sms".equals(preferredChannel) || hasPhone)) {
      return preferredChannel;
    }
    return hasEmail ? "email" : hasPhone ? "sms" : "none";
  }

  /** The address on the channel: the e-mail, else the mobile number (SMS, and the robots' mention). */
  String address(String channel) {
    return "email".equals(channel) ? email : phone;
  }
}
