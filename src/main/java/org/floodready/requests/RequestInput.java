package org.floodready.requests;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.floodready.input.Fields;

/** Checks of every request, decision, allocation and receipt body before anything is written. */
final class RequestInput {
  static final int MAX_LINES = 50;
  static final int MAX_PICKS = 500;

  record Line(long itemId, BigDecimal quantity) {
  }

  record NewRequest(Long unitId, Long incidentId, Long toBaseId, Double lat, Double lon, String address,
      OffsetDateTime neededBy, String note, List<Line> lines) {
  }

  record LineDecision(long lineId, BigDecimal approved, String reason) {
  }

  record Decision(int version, List<LineDecision> lines) {
  }

  record Pick(long lineId, long lotId, BigDecimal quantity) {
  }

  record Allocation(List<Pick> picks, Map<Long, String> overrides) {
  }

  record Received(long allocationId, BigDecimal quantity) {
  }

  record Receipt(List<Received> lines, String note) {
  }

  private RequestInput() {
  }

  static NewRequest request(JsonObject body) {
    Fields in = new Fields(body);
    Long unitId = in.id("unitId", false);
    Long incidentId = in.id("incidentId", false);
    Long toBaseId = in.id("toBaseId", false);
    Double lat = in.latitude("lat", false);
    Double lon = in.longitude("lon", false);
    String address = in.optionalText("address", 300);
    OffsetDateTime neededBy = in.time("neededBy", true);
    String note = in.optionalText("note", 1000);
    if ((lat == null) != (lon == null)) {
      in.error(lat == null ? "lat" : "lon", "give both lat and lon, or neither");
    }
    if (incidentId == null && toBaseId == null && lat == null && in.valid()) {
      in.error("incidentId", "say where it goes: incidentId, toBaseId, or lat and lon of the place");
    }
    List<Line> lines = new ArrayList<>();
    Set<Long> items = new HashSet<>();
    each(in, "lines", MAX_LINES, (line, f) -> {
      Long itemId = f.id("itemId", true);
      BigDecimal quantity = f.quantity("quantity");
      if (itemId != null && !items.add(itemId)) {
        f.error("itemId", "is already on another line; put the whole quantity on one line");
      }
      if (itemId != null && quantity != null) {
        lines.add(new Line(itemId, quantity));
      }
    });
    in.validate();
    return new NewRequest(unitId, incidentId, toBaseId, lat, lon, address, neededBy, note, lines);
  }

  static Decision decision(JsonObject body) {
    Fields in = new Fields(body);
    Integer version = in.integer("version", 1, Integer.MAX_VALUE, true);
    List<LineDecision> lines = new ArrayList<>();
    each(in, "lines", MAX_LINES, (line, f) -> {
      Long lineId = f.id("lineId", true);
      BigDecimal approved = f.decimal("approvedQuantity", BigDecimal.ZERO, false, new BigDecimal("1000000000"), 3,
          true);
      String reason = f.optionalText("reason", 500);
      if (lineId != null && approved != null) {
        lines.add(new LineDecision(lineId, approved, reason));
      }
    });
    in.validate();
    return new Decision(version, lines);
  }

  static Allocation allocation(JsonObject body) {
    Fields in = new Fields(body);
    List<Pick> picks = new ArrayList<>();
    each(in, "picks", MAX_PICKS, (pick, f) -> {
      Long lineId = f.id("lineId", true);
      Long lotId = f.id("lotId", true);
      BigDecimal quantity = f.quantity("quantity");
      if (lineId != null && lotId != null && quantity != null) {
        picks.add(new Pick(lineId, lotId, quantity));
      }
    });
    Map<Long, String> overrides = new LinkedHashMap<>();
    JsonArray given = in.array("overrides", 100, false);
    if (given != null) {
      for (int i = 0; i < given.size(); i++) {
        Object o = given.getValue(i);
        if (!(o instanceof JsonObject obj)) {
          in.error("overrides[" + i + "]", "must be an object with baseId and reason");
          continue;
        }
        Fields f = in.nested(obj, "overrides[" + i + "]");
        Long baseId = f.id("baseId", true);
        String reason = f.requiredText("reason", 500);
        if (baseId != null && reason != null) {
          overrides.put(baseId, reason);
        }
      }
    }
    in.validate();
    return new Allocation(picks, overrides);
  }

  static Receipt receipt(JsonObject body) {
    Fields in = new Fields(body);
    String note = in.optionalText("note", 1000);
    List<Received> lines = new ArrayList<>();
    if (in.has("lines")) {
      each(in, "lines", MAX_PICKS, (line, f) -> {
        Long id = f.id("allocationId", true);
        BigDecimal q = f.decimal("receivedQuantity", BigDecimal.ZERO, false, new BigDecimal("1000000000"), 3, true);
        if (id != null && q != null) {
          lines.add(new Received(id, q));
        }
      });
    }
    in.validate();
    return new Receipt(lines, note);
  }

  /** Reads a required, non-empty array of objects, each through its own nested fields. */
  private static void each(Fields in, String name, int max, BiConsumer<JsonObject, Fields> read) {
    JsonArray array = in.array(name, max, true);
    if (array == null) {
      return;
    }
    if (array.isEmpty()) {
      in.error(name, "must have at least one element");
    }
    for (int i = 0; i < array.size(); i++) {
      Object o = array.getValue(i);
      if (o instanceof JsonObject obj) {
        read.accept(obj, in.nested(obj, name + "[" + i + "]"));
      } else {
        in.error(name + "[" + i + "]", "must be an object");
      }
    }
  }
}
