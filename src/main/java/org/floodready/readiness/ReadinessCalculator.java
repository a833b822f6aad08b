package org.floodready.readiness;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.floodready.units.Unit;

/**
 * Computes every unit's readiness figures from the inputs, aggregating each unit's whole subtree
 * (community → street → district → city). Pure and deterministic: the live snapshot and the verify
 * recompute run the same code, so equal inputs give equal JSON.
 *
 * <p>Score (0–100) = 100 × Σ wᵢ·cᵢ / Σ wᵢ over the components that have data:
 * stock coverage index (w 0.35), equipment availability (0.20), patrol compliance (0.20),
 * hazards on time = 1 − overdue/open (0.15), monitoring = 1 − silent/checkpoints (0.10).
 * Active alerts are weather, not readiness, and do not lower the score.
 */
public final class ReadinessCalculator {
  public static final List<String> WARNING_LEVELS = List.of("blue", "yellow", "orange", "red");
  public static final List<String> EQUIPMENT_KINDS = List.of("pumps", "generators", "boats");
  static final double W_STOCK = 0.35;
  static final double W_EQUIPMENT = 0.20;
  static final double W_PATROL = 0.20;
  static final double W_HAZARDS = 0.15;
  static final double W_MONITORING = 0.10;

  private ReadinessCalculator() {
  }

  public static Map<Long, UnitFigures> compute(ReadinessInputs in) {
    Map<Long, Unit> units = new LinkedHashMap<>();
    in.units().forEach(u -> units.put(u.id(), u));
    Map<Long, Totals> totals = new HashMap<>();
    units.keySet().forEach(id -> totals.put(id, new Totals()));
    for (StockLine s : in.stock()) {
      forChain(units, s.unitId(), totals, t -> t.add(s));
    }
    for (CheckpointLine c : in.checkpoints()) {
      forChain(units, c.unitId(), totals, t -> t.add(c));
    }
    for (PatrolLine p : in.patrols()) {
      forChain(units, p.unitId(), totals, t -> t.add(p));
    }
    Map<Long, UnitFigures> out = new LinkedHashMap<>();
    units.values().forEach(u -> out.put(u.id(), new UnitFigures(u, totals.get(u.id()).metrics())));
    return out;
  }

  /** The unit and all its ancestors, nearest first. */
  public static List<Long> chain(Map<Long, Unit> units, long unitId) {
    List<Long> ids = new ArrayList<>();
    Unit u = units.get(unitId);
    while (u != null && !ids.contains(u.id())) {
      ids.add(u.id());
      u = u.parentId() == null ? null : units.get(u.parentId());
    }
    return ids;
  }

  private static void forChain(Map<Long, Unit> units, long unitId, Map<Long, Totals> totals,
      java.util.function.Consumer<Totals> action) {
    chain(units, unitId).forEach(id -> action.accept(totals.get(id)));
  }

  /** pumps, generators or boats by the item's name; null for other items. */
  static String equipmentKind(StockLine s) {
    String text = (s.itemNameEn() + " " + s.itemCode() + " " + s.itemNameZh()).toLowerCase(Locale.ROOT);
    if (text.contains("pump") || text.contains("泵") || text.contains("排水抢险车")) {
      return "pumps";
    }
    if (text.contains("generator") || text.contains("发电")) {
      return "generators";
    }
    if (text.contains("boat") || text.contains("艇") || text.contains("舟")) {
      return "boats";
    }
    return null;
  }

  static Double round(Double v, int digits) {
    if (v == null) {
      return null;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  /** Sums over one unit's subtree. */
  private static final class Totals {
    double weight;
    double weighted;
    int shortItems;
    final Map<String, double[]> categories = new TreeMap<>(); // category -> {weight, weighted}
    final Map<String, double[]> kinds = new LinkedHashMap<>(); // kind -> {usable, required, usable capped}
    final Map<String, Integer> alerts = new LinkedHashMap<>();
    int activeAlerts;
    int checkpoints;
    int silent;
    int reaches;
    int compliant;
    int openHazards;
    int overdueHazards;

    Totals() {
      WARNING_LEVELS.forEach(l -> alerts.put(l, 0));
      EQUIPMENT_KINDS.forEach(k -> kinds.put(k, new double[3]));
    }

    void add(StockLine s) {
      double w = s.criticality() > 0 ? s.criticality() : 1.0;
      double ratio = s.required() > 0 ? Math.min(Math.max(s.usable(), 0) / s.required(), 1.0) : 1.0;
      weight += w;
      weighted += w * ratio;
      if (s.usable() < s.required()) {
        shortItems++;
      }
      double[] c = categories.computeIfAbsent(s.category(), k -> new double[2]);
      c[0] += w;
      c[1] += w * ratio;
      String kind = equipmentKind(s);
      if (kind != null) {
        double[] k = kinds.get(kind);
        k[0] += Math.max(s.usable(), 0);
        k[1] += s.required();
        k[2] += Math.min(Math.max(s.usable(), 0), s.required());
      }
    }

    void add(CheckpointLine c) {
      checkpoints++;
      if (c.silent()) {
        silent++;
      }
      if (c.level() != null && alerts.containsKey(c.level())) {
        alerts.merge(c.level(), 1, Integer::sum);
      }
      activeAlerts += c.activeAlerts();
    }

    void add(PatrolLine p) {
      reaches += p.reaches();
      compliant += p.reachesCompliant();
      openHazards += p.openHazards();
      overdueHazards += p.overdueHazards();
    }

    JsonObject metrics() {
      Double stockIndex = weight > 0 ? round(weighted / weight, 4) : null;
      JsonArray worst = new JsonArray();
      categories.entrySet().stream()
          .map(e -> Map.entry(e.getKey(), round(e.getValue()[1] / e.getValue()[0], 4)))
          .filter(e -> e.getValue() < 1.0)
          .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .limit(2)
          .forEach(e -> worst.add(new JsonObject().put("category", e.getKey()).put("index", e.getValue())));
      JsonObject equipment = new JsonObject();
      double eqRequired = 0;
      double eqCapped = 0;
      for (Map.Entry<String, double[]> e : kinds.entrySet()) {
        double[] k = e.getValue();
        equipment.put(e.getKey(), new JsonObject().put("usable", round(k[0], 3)).put("required", round(k[1], 3)));
        eqRequired += k[1];
        eqCapped += k[2];
      }
      Double equipmentRatio = eqRequired > 0 ? round(eqCapped / eqRequired, 4) : null;
      Double patrolCompliance = reaches > 0 ? round((double) compliant / reaches, 4) : null;
      Double hazardsOnTime = openHazards > 0 ? round(1.0 - (double) overdueHazards / openHazards, 4)
          : reaches > 0 ? 1.0 : null;
      Double monitoring = checkpoints > 0 ? round(1.0 - (double) silent / checkpoints, 4) : null;
      JsonObject alertsByLevel = new JsonObject();
      alerts.forEach(alertsByLevel::put);
      return new JsonObject()
          .put("score", score(stockIndex, equipmentRatio, patrolCompliance, hazardsOnTime, monitoring))
          .put("stockIndex", stockIndex)
          .put("worstCategories", worst)
          .put("shortItems", shortItems)
          .put("equipment", equipment)
          .put("equipmentRatio", equipmentRatio)
          .put("alertsByLevel", alertsByLevel)
          .put("activeAlerts", activeAlerts)
          .put("checkpoints", checkpoints)
          .put("silentCheckpoints", silent)
          .put("reaches", reaches)
          .put("reachesCompliant", compliant)
          .put("patrolCompliance", patrolCompliance)
          .put("openHazards", openHazards)
          .put("overdueHazards", overdueHazards);
    }
  }

  static Double score(Double stock, Double equipment, Double patrol, Double hazards, Double monitoring) {
    double[][] parts = {
        {W_STOCK, stock == null ? -1 : stock},
        {W_EQUIPMENT, equipment == null ? -1 : equipment},
        {W_PATROL, patrol == null ? -1 : patrol},
        {W_HAZARDS, hazards == null ? -1 : hazards},
        {W_MONITORING, monitoring == null ? -1 : monitoring}};
    double w = 0;
    double sum = 0;
    for (double[] p : parts) {
      if (p[1] >= 0) {
        w += p[0];
        sum += p[0] * p[1];
      }
    }
    return w > 0 ? round(100 * sum / w, 1) : null;
  }

  /** Sorts a list of units city → district → street → community, then by code. */
  public static Comparator<Unit> treeOrder() {
    return Comparator.<Unit>comparingInt(u -> Unit.LEVELS.indexOf(u.level())).thenComparing(Unit::code);
  }
}
