package org.floodready.readiness;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.floodready.inventory.Coverage;
import org.floodready.inventory.CoverageSum;

/**
 * Sums of readiness inputs: a unit's own lines, or its whole subtree (own + each child's subtree, added
 * in a fixed order so that every path to the same inputs gives the same doubles). Serializable: the
 * snapshot map keeps a unit's own totals and each child's subtree totals in the unit's entry.
 */
final class UnitTotals implements Serializable {
  @Serial
  private static final long serialVersionUID = 2L;

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
  int teamsStandby;
  int teamsRequired;
  /** Standby teams counted against each unit's own requirement: min(standby, required), summed. */
  int teamsCounted;

  UnitTotals() {
    ReadinessCalculator.WARNING_LEVELS.forEach(l -> alerts.put(l, 0));
    ReadinessCalculator.EQUIPMENT_KINDS.forEach(k -> kinds.put(k, new double[3]));
  }

  /**
   * The snapshot map stores one of these per base, per child and per unit (hundreds of thousands at
   * province scale): serialized as flat arrays, not as three Java maps of boxed values, it takes about a
   * quarter of the bytes.
   */
  @Serial
  private Object writeReplace() {
    String[] categoryNames = categories.keySet().toArray(new String[0]);
    double[] categoryValues = new double[categoryNames.length * 2];
    int i = 0;
    for (double[] c : categories.values()) {
      categoryValues[i++] = c[0];
      categoryValues[i++] = c[1];
    }
    String[] kindNames = kinds.keySet().toArray(new String[0]);
    double[] kindValues = new double[kindNames.length * 3];
    i = 0;
    for (double[] k : kinds.values()) {
      System.arraycopy(k, 0, kindValues, i, 3);
      i += 3;
    }
    String[] alertNames = alerts.keySet().toArray(new String[0]);
    int[] alertValues = alerts.values().stream().mapToInt(Integer::intValue).toArray();
    return new Wire(weight, weighted, new int[] {shortItems, activeAlerts, checkpoints, silent, reaches, compliant,
        openHazards, overdueHazards, teamsStandby, teamsRequired, teamsCounted}, categoryNames, categoryValues,
        kindNames, kindValues, alertNames, alertValues);
  }

  /** The serialized form of {@link UnitTotals}. */
  private record Wire(double weight, double weighted, int[] counts, String[] categoryNames, double[] categoryValues,
      String[] kindNames, double[] kindValues, String[] alertNames, int[] alertValues) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    @Serial
    private Object readResolve() {
      UnitTotals t = new UnitTotals();
      t.weight = weight;
      t.weighted = weighted;
      t.shortItems = counts[0];
      t.activeAlerts = counts[1];
      t.checkpoints = counts[2];
      t.silent = counts[3];
      t.reaches = counts[4];
      t.compliant = counts[5];
      t.openHazards = counts[6];
      t.overdueHazards = counts[7];
      t.teamsStandby = counts[8];
      t.teamsRequired = counts[9];
      t.teamsCounted = counts[10];
      for (int i = 0; i < categoryNames.length; i++) {
        t.categories.put(categoryNames[i], new double[] {categoryValues[2 * i], categoryValues[2 * i + 1]});
      }
      t.kinds.clear();
      for (int i = 0; i < kindNames.length; i++) {
        t.kinds.put(kindNames[i], java.util.Arrays.copyOfRange(kindValues, 3 * i, 3 * i + 3));
      }
      t.alerts.clear();
      for (int i = 0; i < alertNames.length; i++) {
        t.alerts.put(alertNames[i], alertValues[i]);
      }
      return t;
    }
  }

  void add(StockLine s) {
    double w = Coverage.weight(s.criticality());
    double ratio = Coverage.capped(s.usable(), s.required());
    weight += w;
    weighted += w * ratio;
    if (s.usable() < s.required()) {
      shortItems++;
    }
    double[] c = categories.computeIfAbsent(s.category(), k -> new double[2]);
    c[0] += w;
    c[1] += w * ratio;
    String kind = ReadinessCalculator.equipmentKind(s);
    if (kind != null) {
      double[] k = kinds.get(kind);
      k[0] += Math.max(s.usable(), 0);
      k[1] += s.required();
      k[2] += Math.min(Math.max(s.usable(), 0), s.required());
    }
  }

  /** Lines of one base, category and kind added up in PostgreSQL: the same sums as {@link #add(StockLine)} each. */
  void add(CoverageSum s) {
    weight += s.weight();
    weighted += s.weighted();
    shortItems += s.shortLines();
    double[] c = categories.computeIfAbsent(s.category(), k -> new double[2]);
    c[0] += s.weight();
    c[1] += s.weighted();
    double[] k = s.kind() == null ? null : kinds.get(s.kind());
    if (k != null) {
      k[0] += s.usable();
      k[1] += s.required();
      k[2] += s.usableCapped();
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

  void add(TeamLine t) {
    teamsStandby += t.standby();
    teamsRequired += t.required();
    teamsCounted += Math.min(t.standby(), t.required());
  }

  /** Adds another unit's totals (a child's subtree) to these. */
  void add(UnitTotals o) {
    weight += o.weight;
    weighted += o.weighted;
    shortItems += o.shortItems;
    o.categories.forEach((name, c) -> {
      double[] mine = categories.computeIfAbsent(name, k -> new double[2]);
      mine[0] += c[0];
      mine[1] += c[1];
    });
    o.kinds.forEach((name, k) -> {
      double[] mine = kinds.computeIfAbsent(name, x -> new double[3]);
      for (int i = 0; i < 3; i++) {
        mine[i] += k[i];
      }
    });
    o.alerts.forEach((level, n) -> alerts.merge(level, n, Integer::sum));
    activeAlerts += o.activeAlerts;
    checkpoints += o.checkpoints;
    silent += o.silent;
    reaches += o.reaches;
    compliant += o.compliant;
    openHazards += o.openHazards;
    overdueHazards += o.overdueHazards;
    teamsStandby += o.teamsStandby;
    teamsRequired += o.teamsRequired;
    teamsCounted += o.teamsCounted;
  }

  /** The same sums (exactly: a rebuild finding every total as it was leaves the entry untouched). */
  boolean sameAs(UnitTotals o) {
    return o != null && weight == o.weight && weighted == o.weighted && shortItems == o.shortItems
        && activeAlerts == o.activeAlerts && checkpoints == o.checkpoints && silent == o.silent
        && reaches == o.reaches && compliant == o.compliant && openHazards == o.openHazards
        && overdueHazards == o.overdueHazards && teamsStandby == o.teamsStandby && teamsRequired == o.teamsRequired
        && teamsCounted == o.teamsCounted && alerts.equals(o.alerts) && sameArrays(categories, o.categories)
        && sameArrays(kinds, o.kinds);
  }

  private static boolean sameArrays(Map<String, double[]> a, Map<String, double[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> e : a.entrySet()) {
      if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Part keys of a unit's own lines: one per base, its checkpoints, its reaches and hazards, its teams. */
  static final String CHECKPOINTS = "checkpoints";
  static final String PATROLS = "patrols";
  static final String TEAMS = "teams";

  static String basePart(long baseId) {
    return "base:" + baseId;
  }

  /** A unit's own totals: its parts added in key order. */
  static UnitTotals own(SortedMap<String, UnitTotals> parts) {
    UnitTotals sum = new UnitTotals();
    parts.values().forEach(sum::add);
    return sum;
  }

  /** {@code own} plus each child's subtree totals, children in ascending unit id. */
  static UnitTotals subtree(UnitTotals own, SortedMap<Long, UnitTotals> children) {
    UnitTotals sum = new UnitTotals();
    if (own != null) {
      sum.add(own);
    }
    children.values().forEach(sum::add);
    return sum;
  }

  JsonObject metrics() {
    Double stockIndex = weight > 0 ? ReadinessCalculator.round(weighted / weight, 4) : null;
    JsonArray worst = new JsonArray();
    categories.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), ReadinessCalculator.round(e.getValue()[1] / e.getValue()[0], 4)))
        .filter(e -> e.getValue() < 1.0)
        .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .limit(2)
        .forEach(e -> worst.add(new JsonObject().put("category", e.getKey()).put("index", e.getValue())));
    JsonObject equipment = new JsonObject();
    double eqRequired = 0;
    double eqCapped = 0;
    for (Map.Entry<String, double[]> e : kinds.entrySet()) {
      double[] k = e.getValue();
      equipment.put(e.getKey(), new JsonObject().put("usable", ReadinessCalculator.round(k[0], 3)).put("required", ReadinessCalculator.round(k[1], 3)));
      eqRequired += k[1];
      eqCapped += k[2];
    }
    Double equipmentRatio = eqRequired > 0 ? ReadinessCalculator.round(eqCapped / eqRequired, 4) : null;
    Double patrolCompliance = reaches > 0 ? ReadinessCalculator.round((double) compliant / reaches, 4) : null;
    Double hazardsOnTime = openHazards > 0 ? ReadinessCalculator.round(1.0 - (double) overdueHazards / openHazards, 4)
        : reaches > 0 ? 1.0 : null;
    Double monitoring = checkpoints > 0 ? ReadinessCalculator.round(1.0 - (double) silent / checkpoints, 4) : null;
    Double teamReadiness = teamsRequired > 0 ? ReadinessCalculator.round((double) teamsCounted / teamsRequired, 4)
        : null;
    JsonObject alertsByLevel = new JsonObject();
    alerts.forEach(alertsByLevel::put);
    return new JsonObject()
        .put("score", ReadinessCalculator.score(stockIndex, equipmentRatio, patrolCompliance, hazardsOnTime, monitoring,
            teamReadiness))
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
        .put("overdueHazards", overdueHazards)
        .put("teamsStandby", teamsStandby)
        .put("teamsRequired", teamsRequired)
        .put("teamReadiness", teamReadiness);
  }
}
