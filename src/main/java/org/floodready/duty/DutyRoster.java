package org.floodready.duty;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Who is on duty at an instant, from the shifts, in the district's time zone. */
public final class DutyRoster {
  private final ShiftRepository shifts = new ShiftRepository();
  private final ZoneId zone;

  public DutyRoster(ZoneId zone) {
    this.zone = zone;
  }

  /** The shifts among {@code candidates} on duty at the instant, earliest start first. */
  public static List<Shift> onDutyAt(List<Shift> candidates, Instant at, ZoneId zone) {
    return candidates.stream().filter(s -> s.covers(at, zone))
        .sorted(Comparator.comparing((Shift s) -> s.startsAt(zone).toInstant()).thenComparing(Shift::id))
        .toList();
  }

  /** The shifts on duty at the instant: of one unit, or of every unit when null. */
  public Future<List<Shift>> onDuty(SqlClient db, Long unitId, OffsetDateTime at) {
    LocalDate day = at.atZoneSameInstant(zone).toLocalDate();
    // a shift that started yesterday may still run (overnight); none lasts longer than a day
    return shifts.onDays(db, unitId, day.minusDays(1), day).map(list -> onDutyAt(list, at.toInstant(), zone));
  }

  /**
   * The shifts on duty for an item of the unit: those of the nearest unit up the tree (the unit itself,
   * its district, the city) that has someone on duty now.
   */
  public Future<List<Shift>> responsibleFor(SqlClient db, long unitId, OffsetDateTime at) {
    return db.preparedQuery("WITH RECURSIVE up (id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM units"
            + " WHERE id = $1 UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id)"
            + " SELECT id FROM up ORDER BY depth")
        .execute(Tuple.of(unitId))
        .compose(rows -> {
          List<Long> chain = new ArrayList<>();
          rows.forEach(r -> chain.add(r.getLong("id")));
          return onDuty(db, null, at).map(all -> {
            for (long id : chain) {
              List<Shift> mine = all.stream().filter(s -> s.unitId() == id).toList();
              if (!mine.isEmpty()) {
                return mine;
              }
            }
            return List.<Shift>of();
          });
        });
  }

  public ZoneId zone() {
    return zone;
  }
}
