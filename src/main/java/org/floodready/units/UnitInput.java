package org.floodready.units;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.floodready.input.Checked;

/**
 * A new unit as sent by an admin (the API and the spreadsheet import alike), checked by the contract
 * ({@code createAdminUnit}); its level follows from its parent's.
 */
public record UnitInput(String code, String nameZh, String nameEn, Long parentId) {
  private static final Map<String, String> CHILD_LEVEL = Map.of(
      "city", "district", "district", "street", "street", "community");

  public static UnitInput of(JsonObject body) {
    return new UnitInput(Checked.requiredText(body, "code"), Checked.requiredText(body, "nameZh"),
        Checked.requiredText(body, "nameEn"), Checked.id(body, "parentId"));
  }

  /** The level of a unit under a parent of {@code parentLevel}; null when such a parent cannot have sub-units. */
  public static String childLevel(String parentLevel) {
    return CHILD_LEVEL.get(parentLevel);
  }
}
