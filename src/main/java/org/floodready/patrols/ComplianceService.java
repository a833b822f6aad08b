package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.db.Where;

/**
 * Patrol compliance per reach, chief and unit. Each reach is measured in the calendar period of its
 * frequency (district zone) that contains the given instant; a patrol belongs to the period in which
 * it started. Also used by other domains (dashboard, rankings) through {@link #byUnit}.
 */
public final class ComplianceService {
  private final AppContext app;
  private final RiverRepository rivers;

  public ComplianceService(AppContext app) {
    this.app = app;
    this.rivers = new RiverRepository(app.pool());
  }

  /** Per unit (the reach's or hazard's own unit): reaches compliant now, open/overdue hazards, median days to close. */
  public Future<List<UnitCompliance>> byUnit(OffsetDateTime now) {
    return byUnit(now, null);
  }

  /** {@link #byUnit} for the given units only: their own reaches and hazards, not those below them. */
  public Future<List<UnitCompliance>> ofUnits(OffsetDateTime now, Collection<Long> unitIds) {
    return byUnit(now, unitIds.toArray(new Long[0]));
  }

  private Future<List<UnitCompliance>> byUnit(OffsetDateTime now, Long[] onlyUnits) {
    Future<Map<Long, int[]>> reaches = reachCountsByUnit(now, onlyUnits);
    Future<List<Row>> hazards = hazardStats(now, onlyUnits);
    return Future.all(reaches, hazards).map(done -> {
      Map<Long, int[]> reachCounts = reaches.result();
      Map<Long, Row> hazardRows = new HashMap<>();
      hazards.result().forEach(h -> hazardRows.put(h.getLong("unit_id"), h));
      java.util.SortedSet<Long> unitIds = new java.util.TreeSet<>(reachCounts.keySet());
      unitIds.addAll(hazardRows.keySet());
      List<UnitCompliance> out = new ArrayList<>();
      for (long unitId : unitIds) {
        int[] c = reachCounts.getOrDefault(unitId, new int[2]);
        Row h = hazardRows.get(unitId);
        double rate = c[0] == 0 ? 0 : Math.round(1000.0 * c[1] / c[0]) / 1000.0;
        Double median = h == null ? null : h.getDouble("median_days");
        out.add(new UnitCompliance(unitId, c[0], c[1], rate,
            h == null ? 0 : h.getInteger("open"), h == null ? 0 : h.getInteger("overdue"),
            median == null ? null : Math.round(median * 10) / 10.0));
      }
      return out;
    });
  }

  /**
   * Per unit: {reaches, reaches compliant in their current period}, counted in PostgreSQL. Reads of each
   * reach only what decides its frequency (a rebuild at province scale read 60,000 reaches with their
   * geometry, names and last patrols to count them); reaches of one frequency share one window.
   */
  private Future<Map<Long, int[]>> reachCountsByUnit(OffsetDateTime at, Long[] onlyUnits) {
    ZoneId zone = app.config().zone();
    return RulesStore.load(app.pool()).compose(rules -> rivers.reachFrequencies(onlyUnits).compose(rows -> {
      Map<PatrolRules.Frequency, Integer> keys = new HashMap<>();
      int n = rows.size();
      Long[] reachIds = new Long[n];
      Long[] unitIds = new Long[n];
      Integer[] reachKeys = new Integer[n];
      int i = 0;
      for (Row r : rows) {
        PatrolRules.Frequency f = rules.frequencyFor(ChiefLevel.fromCode(r.getString("chief_level")),
            r.getJsonObject("rules"));
        reachIds[i] = r.getLong("id");
        unitIds[i] = r.getLong("unit_id");
        reachKeys[i++] = keys.computeIfAbsent(f, k -> keys.size());
      }
      Integer[] key = new Integer[keys.size()];
      OffsetDateTime[] start = new OffsetDateTime[keys.size()];
      OffsetDateTime[] end = new OffsetDateTime[keys.size()];
      Integer[] times = new Integer[keys.size()];
      keys.forEach((f, k) -> {
        PatrolPeriod.Window w = f.period().containing(at, zone);
        key[k] = k;
        start[k] = w.start();
        end[k] = w.end();
        times[k] = f.times();
      });
      return app.pool().preparedQuery("""
              SELECT w.unit_id, count(*)::int AS reaches, count(*) FILTER (WHERE c.n >= f.times)::int AS compliant
              FROM unnest($1::bigint[], $2::bigint[], $3::int[]) AS w(reach_id, unit_id, k)
              JOIN unnest($4::int[], $5::timestamptz[], $6::timestamptz[], $7::int[]) AS f(k, cs, ce, times) USING (k)
              CROSS JOIN LATERAL (SELECT count(*) AS n FROM patrols p WHERE p.reach_id = w.reach_id AND p.counted
                AND p.started_at >= f.cs AND p.started_at < f.ce) c
              GROUP BY w.unit_id""")
          .execute(Tuple.from(new Object[] {reachIds, unitIds, reachKeys, key, start, end, times}))
          .map(counts -> {
            Map<Long, int[]> byUnit = new HashMap<>();
            counts.forEach(c -> byUnit.put(c.getLong("unit_id"),
                new int[] {c.getInteger("reaches"), c.getInteger("compliant")}));
            return byUnit;
          });
    }));
  }

  /** Compliance of the reaches matching {@code where} (over {@code r} of reaches), at {@code at}. */
  public Future<List<ReachCompliance>> reaches(Where where, OffsetDateTime at) {
    ZoneId zone = app.config().zone();
    return RulesStore.load(app.pool()).compose(rules -> rivers.allReaches(app.pool(), where).compose(rows -> {
      List<Row> reachRows = new ArrayList<>();
      rows.forEach(reachRows::add);
      int n = reachRows.size();
      Long[] ids = new Long[n];
      OffsetDateTime[] cs = new OffsetDateTime[n];
      OffsetDateTime[] ce = new OffsetDateTime[n];
      OffsetDateTime[] ps = new OffsetDateTime[n];
      List<PatrolRules.Frequency> freqs = new ArrayList<>();
      List<PatrolPeriod.Window> windows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Row r = reachRows.get(i);
        PatrolRules.Frequency f = rules.frequencyFor(ChiefLevel.fromCode(r.getString("chief_level")),
            r.getJsonObject("rules"));
        PatrolPeriod.Window w = f.period().containing(at, zone);
        ids[i] = r.getLong("id");
        cs[i] = w.start();
        ce[i] = w.end();
        ps[i] = f.period().previous(at, zone).start();
        freqs.add(f);
        windows.add(w);
      }
      return app.pool().preparedQuery("""
              SELECT w.reach_id,
                (SELECT count(*) FROM patrols p WHERE p.reach_id = w.reach_id AND p.counted
                  AND p.started_at >= w.cs AND p.started_at < w.ce) AS counted,
                (SELECT count(*) FROM patrols p WHERE p.reach_id = w.reach_id AND p.counted
                  AND p.started_at >= w.ps AND p.started_at < w.cs) AS previous_counted,
                (SELECT max(p.started_at) FROM patrols p WHERE p.reach_id = w.reach_id AND p.started_at < w.ce)
                  AS last_patrol_at,
                (SELECT max(p.started_at) FROM patrols p WHERE p.reach_id = w.reach_id AND p.counted
                  AND p.started_at < w.ce) AS last_counted_at
              FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[]) AS w(reach_id, cs, ce, ps)""")
          .execute(Tuple.of(ids, cs, ce, ps))
          .map(stats -> {
            Map<Long, Row> byReach = new HashMap<>();
            stats.forEach(s -> byReach.put(s.getLong("reach_id"), s));
            List<ReachCompliance> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              Row r = reachRows.get(i);
              Row s = byReach.get(ids[i]);
              int counted = s.getLong("counted").intValue();
              int previous = s.getLong("previous_counted").intValue();
              PatrolRules.Frequency f = freqs.get(i);
              boolean existedBefore = r.getOffsetDateTime("created_at").isBefore(cs[i]);
              boolean overdue = counted < f.times() && previous < f.times() && existedBefore;
              out.add(new ReachCompliance(ids[i], r.getString("code"), r.getString("name_zh"), r.getString("name_en"),
                  r.getLong("unit_id"), r.getString("unit_name_zh"), r.getLong("chief_user_id"),
                  r.getString("chief_name"), r.getString("chief_level"), f, windows.get(i), counted, previous,
                  s.getOffsetDateTime("last_patrol_at"), s.getOffsetDateTime("last_counted_at"), overdue));
            }
            return out;
          });
    }));
  }

  /**
   * The units owning a reach whose calendar period (week, month, quarter, half-year in the district's zone)
   * turned between {@code from} and {@code to}: its compliance is counted in a new window. Reads the reaches
   * only when some period turned (at a midnight that starts one).
   */
  public Future<List<Long>> unitsWithPeriodTurned(OffsetDateTime from, OffsetDateTime to) {
    ZoneId zone = app.config().zone();
    java.util.Set<PatrolPeriod> turned = java.util.EnumSet.noneOf(PatrolPeriod.class);
    for (PatrolPeriod p : PatrolPeriod.values()) {
      if (!p.containing(from, zone).equals(p.containing(to, zone))) {
        turned.add(p);
      }
    }
    if (turned.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return RulesStore.load(app.pool()).compose(rules -> rivers.reachFrequencies(null).map(rows -> {
      java.util.SortedSet<Long> units = new java.util.TreeSet<>();
      for (Row r : rows) {
        PatrolRules.Frequency f = rules.frequencyFor(ChiefLevel.fromCode(r.getString("chief_level")),
            r.getJsonObject("rules"));
        if (turned.contains(f.period())) {
          units.add(r.getLong("unit_id"));
        }
      }
      return List.copyOf(units);
    }));
  }

  /** The deadline clock now: the units under a red or orange warning and the factor of their deadlines. */
  public Future<DeadlineClock> deadlineClock() {
    return ActiveWarnings.coveredUnitIds(app.pool()).compose(warned -> RulesStore.load(app.pool())
        .map(rules -> new DeadlineClock(warned, rules.warningDeadlineFactor())));
  }

  /** Units whose hazards' overdue flags moved in a window, and the deadline clock at its end. */
  public record DeadlineCrossings(List<Long> units, DeadlineClock clock) {
  }

  /**
   * The units of open hazards that fell overdue in [{@code from}, {@code to}), against the effective deadlines:
   * {@code before} is the deadline clock the caller last saw (null: unknown), so the units whose warnings
   * changed since are in as well. Status changes are hazard events of their own.
   */
  public Future<DeadlineCrossings> unitsWithDeadlineCrossed(OffsetDateTime from, OffsetDateTime to,
      DeadlineClock before) {
    return deadlineClock().compose(now -> new HazardRepository(app.pool()).unitsWithDeadlineCrossed(from, to,
        now.unitsWarnedThroughout(before), now.factor(), now.unitsChangedSince(before))
        .map(units -> new DeadlineCrossings(units, now)));
  }

  /** Open, overdue (against the effective deadline) and median days to close, per hazard unit. */
  private Future<List<Row>> hazardStats(OffsetDateTime now, Long[] unitIds) {
    return new HazardService(app).clock().compose(clock -> {
      HazardClock at = new HazardClock(now, clock.warnedUnitIds(), clock.factor());
      Where where = new Where();
      String view = HazardRepository.view(where, at);
      String filter = unitIds == null ? "" : " WHERE hz.unit_id = ANY(" + where.bind(unitIds) + "::bigint[])";
      return app.pool().preparedQuery("""
              SELECT hz.unit_id,
                count(*) FILTER (WHERE hz.status <> 'closed')::int AS open,
                count(*) FILTER (WHERE hz.overdue)::int AS overdue,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM hz.closed_at - hz.reported_at) / 86400)
                  FILTER (WHERE hz.status = 'closed') AS median_days
              FROM""" + " " + view + filter + " GROUP BY hz.unit_id")
          .execute(where.tuple())
          .map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return list;
          });
    });
  }
}
