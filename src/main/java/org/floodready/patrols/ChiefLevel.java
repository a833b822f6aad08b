package org.floodready.patrols;

import java.util.Arrays;
import java.util.List;

/** The level of a river chief (河长): 市级, 县(区)级, 乡(镇)级, 村级. */
public enum ChiefLevel {
  CITY("city"), COUNTY("county"), TOWNSHIP("township"), VILLAGE("village");

  private final String code;

  ChiefLevel(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(ChiefLevel::code).toList();
  }

  public static ChiefLevel fromCode(String code) {
    for (ChiefLevel l : values()) {
      if (l.code.equals(code)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown chief level " + code);
  }
}
