package org.floodready.access;

import java.util.Arrays;
import java.util.List;

/** What a user may do. Scoped roles see only the bases, checkpoints or reaches assigned to them. */
public enum Role {
  ADMIN("admin", "系统管理员"),
  DUTY_OFFICER("duty_officer", "防汛值班员"),
  BASE_KEEPER("base_keeper", "仓库管理员"),
  RIVER_CHIEF("river_chief", "河长"),
  INSPECTOR("inspector", "巡查员"),
  VIEWER("viewer", "只读用户"),
  /** A street or community account: files supply requests for its own unit and confirms what arrives. */
  REQUESTER("requester", "街道/社区申请人"),
  /** A gauge posting readings with an API key; never a login. */
  GAUGE("gauge", "自动监测站");

  private final String code;
  private final String nameZh;

  Role(String code, String nameZh) {
    this.code = code;
    this.nameZh = nameZh;
  }

  public String code() {
    return code;
  }

  public String nameZh() {
    return nameZh;
  }

  public static Role fromCode(String code) {
    for (Role r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role " + code);
  }

  /** Roles that can be given to a person account. */
  public static List<String> userRoleCodes() {
    return Arrays.stream(values()).filter(r -> r != GAUGE).map(Role::code).toList();
  }

  /** Admin and duty room see and act on everything. */
  public boolean seesEverything() {
    return this == ADMIN || this == DUTY_OFFICER || this == VIEWER;
  }
}
