package org.floodready.readiness;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.floodready.inventory.CoverageSum;
import org.floodready.inventory.ItemName;
import org.floodready.units.Unit;

/**
 * Computes every unit's readiness figures from the inputs, aggregating each unit's whole subtree
 * (community → street → district → city). Pure and deterministic: the live snapshot and the verify
 * recompute run the same code, so equal inputs give equal JSON.
 *
 * <p>Score (0–100) = 100 × Σ wᵢ·cᵢ / Σ wᵢ over the components that have data:
 * stock coverage index (w 0.35), equipment availability (0.20), patrol compliance (0.20),
 * hazards on time = 1 − overdue/open (0.15), monitoring = 1 − silent/checkpoints (0.10),
 * rescue teams = Σ min(standby, required) / Σ required over the units with a requirement (0.10).
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
  static final double W_TEAMS = 0.10;

  private ReadinessCalculator() {
  }

  public static Map<Long, UnitFigures> compute(ReadinessInputs in) {
    Map<Long, Unit> units = byId(in.units());
    Map<Long, UnitTotals> own = new HashMap<>();
    ownParts(in).forEach((id, parts) -> own.put(id, UnitTotals.own(parts)));
    Map<Long, UnitTotals> subtrees = subtrees(units, own);
    Map<Long, UnitFigures> out = new LinkedHashMap<>();
    units.values().forEach(u -> out.put(u.id(), new UnitFigures(u, subtrees.get(u.id()).metrics())));
    return out;
  }

  static Map<Long, Unit> byId(List<Unit> list) {
    Map<Long, Unit> units = new LinkedHashMap<>();
    list.forEach(u -> units.put(u.id(), u));
    return units;
  }

  /**
   * Each unit's own lines summed in parts: one per base with lines, its checkpoints, its patrols and its
   * rescue teams (those three always, possibly empty). Lines of units not in the inputs are left out.
   */
  static Map<Long, TreeMap<String, UnitTotals>> ownParts(ReadinessInputs in) {
    Map<Long, TreeMap<String, UnitTotals>> parts = new LinkedHashMap<>();
    for (Unit u : in.units()) {
      TreeMap<String, UnitTotals> p = new TreeMap<>();
      p.put(UnitTotals.CHECKPOINTS, new UnitTotals());
      p.put(UnitTotals.PATROLS, new UnitTotals());
      p.put(UnitTotals.TEAMS, new UnitTotals());
      parts.put(u.id(), p);
    }
    for (StockLine s : in.stock()) {
      TreeMap<String, UnitTotals> p = parts.get(s.unitId());
      if (p != null) {
        p.computeIfAbsent(UnitTotals.basePart(s.baseId()), k -> new UnitTotals()).add(s);
      }
    }
    for (CoverageSum s : in.stockSums()) {
      TreeMap<String, UnitTotals> p = parts.get(s.unitId());
      if (p != null) {
        p.computeIfAbsent(UnitTotals.basePart(s.baseId()), k -> new UnitTotals()).add(s);
      }
    }
    for (CheckpointLine c : in.checkpoints()) {
      TreeMap<String, UnitTotals> p = parts.get(c.unitId());
      if (p != null) {
        p.get(UnitTotals.CHECKPOINTS).add(c);
      }
    }
    for (PatrolLine pl : in.patrols()) {
      TreeMap<String, UnitTotals> p = parts.get(pl.unitId());
      if (p != null) {
        p.get(UnitTotals.PATROLS).add(pl);
      }
    }
    for (TeamLine t : in.teams()) {
      TreeMap<String, UnitTotals> p = parts.get(t.unitId());
      if (p != null) {
        p.get(UnitTotals.TEAMS).add(t);
      }
    }
    return parts;
  }

  /** Each unit's subtree totals: own plus its children's subtree totals (deepest units first). */
  static Map<Long, UnitTotals> subtrees(Map<Long, Unit> units, Map<Long, UnitTotals> own) {
    Map<Long, SortedSet<Long>> children = children(units);
    Map<Long, UnitTotals> subtrees = new HashMap<>();
    for (long id : deepestFirst(units, units.keySet())) {
      TreeMap<Long, UnitTotals> below = new TreeMap<>();
      children.get(id).forEach(c -> below.put(c, subtrees.get(c)));
      subtrees.put(id, UnitTotals.subtree(own.get(id), below));
    }
    return subtrees;
  }

  /** Each unit's children (every unit has an entry, possibly empty). */
  static Map<Long, SortedSet<Long>> children(Map<Long, Unit> units) {
    Map<Long, SortedSet<Long>> children = new HashMap<>();
    units.keySet().forEach(id -> children.put(id, new TreeSet<>()));
    for (Unit u : units.values()) {
      if (u.parentId() != null && children.containsKey(u.parentId()) && !u.parentId().equals(u.id())) {
        children.get(u.parentId()).add(u.id());
      }
    }
    return children;
  }

  /** The given units ordered so that every unit comes after all of its descendants among them. */
  static List<Long> deepestFirst(Map<Long, Unit> units, Collection<Long> ids) {
    List<Long> ordered = new ArrayList<>(ids);
    Map<Long, Integer> depth = new HashMap<>();
    ordered.forEach(id -> depth.put(id, chain(units, id).size()));
    ordered.sort(Comparator.<Long>comparingInt(depth::get).reversed().thenComparing(Comparator.naturalOrder()));
    return ordered;
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

  /** {@link #equipmentKind(StockLine)} of an item. */
  static String equipmentKind(ItemName item) {
    return equipmentKind(new StockLine(0, item.category(), item.nameZh(), item.nameEn(), item.code(),
        "equipment".equals(item.category()), 0, 0, 0));
  }

  static Double round(Double v, int digits) {
    if (v == null) {
      return null;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  static Double score(Double stock, Double equipment, Double patrol, Double hazards, Double monitoring,
      Double teams) {
    double[][] parts = {
        {W_STOCK, stock == null ? -1 : stock},
        {W_EQUIPMENT, equipment == null ? -1 : equipment},
        {W_PATROL, patrol == null ? -1 : patrol},
        {W_HAZARDS, hazards == null ? -1 : hazards},
        {W_MONITORING, monitoring == null ? -1 : monitoring},
        {W_TEAMS, teams == null ? -1 : teams}};
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
}
