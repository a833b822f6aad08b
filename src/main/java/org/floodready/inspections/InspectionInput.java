package org.floodready.inspections;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;

/** Validated bodies of the inspection writes; every problem is a 400 naming its field. */
final class InspectionInput {
  static final List<String> RESULTS = List.of("ok", "problem");
  static final List<String> SEVERITIES = List.of("low", "medium", "high");

  record Item(String textZh, String textEn) {
  }

  record Open(String siteKind, long siteId, Double lat, Double lon, String note) {
  }

  record Answer(String result, String severity, String note) {
  }

  private InspectionInput() {
  }

  static String kind(String raw) {
    if (!Site.KINDS.contains(raw)) {
      throw ApiError.invalid("siteKind", "must be one of " + String.join(", ", Site.KINDS));
    }
    return raw;
  }

  static List<Item> checklist(JsonObject body) {
    Fields f = new Fields(body);
    JsonArray items = f.array("items", 30, true);
    List<Item> out = new ArrayList<>();
    if (items != null) {
      f.check(!items.isEmpty(), "items", "needs at least one item");
      for (int i = 0; i < items.size(); i++) {
        Object o = items.getValue(i);
        if (!(o instanceof JsonObject item)) {
          f.error("items[" + i + "]", "must be an object {textZh, textEn}");
          continue;
        }
        Fields e = f.nested(item, "items[" + i + "]");
        out.add(new Item(e.requiredText("textZh", 200), e.requiredText("textEn", 200)));
      }
    }
    f.validate();
    return out;
  }

  static Open open(JsonObject body) {
    Fields f = new Fields(body);
    String kind = f.oneOf("siteKind", Site.KINDS, true);
    Long siteId = f.id("siteId", true);
    Double lat = f.latitude("lat", false);
    Double lon = f.longitude("lon", false);
    f.check((lat == null) == (lon == null), "lon", "lat and lon go together");
    String note = f.optionalText("note", 1000);
    f.validate();
    return new Open(kind, siteId, lat, lon, note);
  }

  static Answer answer(JsonObject body) {
    Fields f = new Fields(body);
    String result = f.oneOf("result", RESULTS, true);
    String severity = f.oneOf("severity", SEVERITIES, false);
    String note = f.optionalText("note", 1000);
    if ("problem".equals(result) && note == null) {
      f.error("note", "is required for a problem: say what is wrong");
    }
    f.validate();
    return new Answer(result, "problem".equals(result) ? (severity == null ? "medium" : severity) : null, note);
  }

  /** Days until a found problem's deadline: the close body's deadlineDays, or by severity. */
  static Integer deadlineDays(JsonObject body) {
    Fields f = new Fields(body);
    Integer days = f.integer("deadlineDays", 1, 90, false);
    f.validate();
    return days;
  }

  static int defaultDays(String severity) {
    return switch (severity) {
      case "high" -> 3;
      case "low" -> 14;
      default -> 7;
    };
  }
}
