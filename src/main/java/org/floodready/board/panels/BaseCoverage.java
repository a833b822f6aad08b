package org.floodready.board.panels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.floodready.inventory.Coverage;
import org.floodready.inventory.CoverageRow;

/**
 * One base's coverage as the board keeps it: per category Σ criticality·min(coverage %, 100) and
 * Σ criticality (what the coverage charts add up), how many quota lines it has, and only its lines below
 * quota in full (what the shortfall panel lists). A node keeps one of these per base instead of every
 * (base, item) row, so what it holds does not grow with the lots.
 */
public record BaseCoverage(long baseId, String baseNameZh, Map<String, Sums> categories, int pairs,
    List<CoverageRow> shortRows) {

  /** A category's weighted coverage percentages and weights at one base. */
  public record Sums(double weighted, double weights) {
  }

  /** One per base, in the order the bases first appear in {@code rows}. */
  public static List<BaseCoverage> of(List<CoverageRow> rows) {
    Map<Long, List<CoverageRow>> byBase = new LinkedHashMap<>();
    rows.forEach(r -> byBase.computeIfAbsent(r.baseId(), id -> new ArrayList<>()).add(r));
    List<BaseCoverage> out = new ArrayList<>(byBase.size());
    byBase.values().forEach(lines -> out.add(ofBase(lines)));
    return out;
  }

  private static BaseCoverage ofBase(List<CoverageRow> lines) {
    Map<String, double[]> sums = new TreeMap<>();
    List<CoverageRow> shortRows = new ArrayList<>();
    for (CoverageRow r : lines) {
      double[] s = sums.computeIfAbsent(r.category(), c -> new double[2]);
      double weight = Coverage.weight(r.criticality());
      s[0] += weight * Coverage.percentOf(r);
      s[1] += weight;
      if (r.usable().compareTo(r.required()) < 0) {
        shortRows.add(r);
      }
    }
    Map<String, Sums> categories = new TreeMap<>();
    sums.forEach((c, s) -> categories.put(c, new Sums(s[0], s[1])));
    CoverageRow first = lines.get(0);
    return new BaseCoverage(first.baseId(), first.baseNameZh(), Map.copyOf(categories), lines.size(),
        List.copyOf(shortRows));
  }

  /** The lines below quota of all {@code bases}. */
  public static List<CoverageRow> shortRows(List<BaseCoverage> bases) {
    List<CoverageRow> rows = new ArrayList<>();
    bases.forEach(b -> rows.addAll(b.shortRows()));
    return rows;
  }
}
