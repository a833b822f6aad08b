package org.floodready.units;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.floodready.input.Fields;

/** Checks a new unit from an admin (the API and the spreadsheet import alike). */
public final class UnitValidation {
  private static final Map<String, String> CHILD_LEVEL = Map.of(
      "city", "district", "district", "street", "street", "community");

  /** A unit as sent; its level follows from its parent's. */
  public record UnitInput(String code, String nameZh, String nameEn, Long parentId) {
  }

  private UnitValidation() {
  }

  public static UnitInput unit(JsonObject body) {
    Fields in = new Fields(body);
    String code = in.requiredText("code", 50);
    String nameZh = in.requiredText("nameZh", 100);
    String nameEn = in.requiredText("nameEn", 100);
    Long parentId = in.id("parentId", true);
    in.validate();
    return new UnitInput(code, nameZh, nameEn, parentId);
  }

  /** The level of a unit under a parent of {@code parentLevel}; null when such a parent cannot have sub-units. */
  public static String childLevel(String parentLevel) {
    return CHILD_LEVEL.get(parentLevel);
  }
}
