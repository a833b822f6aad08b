package org.floodready.duty;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.floodready.db.Where;

/** Shifts and their duty officers (tables duty_shifts, duty_shift_officers). */
public final class ShiftRepository {
  private static final String SELECT = "SELECT s.id, s.unit_id, s.duty_date, s.start_time, s.end_time,"
      + " s.leader_user_id, s.note, coalesce((SELECT array_agg(o.user_id ORDER BY o.user_id)"
      + " FROM duty_shift_officers o WHERE o.shift_id = s.id), '{}') AS officers FROM duty_shifts s";

  public Future<List<Shift>> list(SqlClient db, Where where) {
    return db.preparedQuery(SELECT + where.sql() + " ORDER BY s.duty_date, s.start_time, s.unit_id, s.id")
        .execute(where.tuple()).map(ShiftRepository::shifts);
  }

  /** Shifts of the unit (or of every unit when null) that start on one of the days. */
  public Future<List<Shift>> onDays(SqlClient db, Long unitId, LocalDate from, LocalDate to) {
    Where where = new Where().and("s.unit_id = ?", unitId).and("s.duty_date >= ?", from).and("s.duty_date <= ?", to);
    return list(db, where);
  }

  public Future<Optional<Shift>> find(SqlClient db, long id) {
    return list(db, new Where().and("s.id = ?", id)).map(l -> l.stream().findFirst());
  }

  public Future<Long> insert(SqlClient tx, ShiftInput in, OffsetDateTime now) {
    return tx.preparedQuery("INSERT INTO duty_shifts (unit_id, duty_date, start_time, end_time, leader_user_id, note,"
            + " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id")
        .execute(Tuple.wrap(Arrays.asList(in.unitId(), in.date(), in.start(), in.end(), in.leaderUserId(), in.note(),
            now)))
        .compose(rows -> {
          long id = rows.iterator().next().getLong("id");
          return officers(tx, id, in.officerIds()).map(id);
        });
  }

  public Future<Boolean> update(SqlClient tx, long id, ShiftInput in, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE duty_shifts SET unit_id = $2, duty_date = $3, start_time = $4, end_time = $5,"
            + " leader_user_id = $6, note = $7, updated_at = $8 WHERE id = $1")
        .execute(Tuple.wrap(Arrays.asList(id, in.unitId(), in.date(), in.start(), in.end(), in.leaderUserId(),
            in.note(), now)))
        .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(false)
            : tx.preparedQuery("DELETE FROM duty_shift_officers WHERE shift_id = $1").execute(Tuple.of(id))
                .compose(v -> officers(tx, id, in.officerIds())).map(true));
  }

  public Future<Boolean> delete(SqlClient tx, long id) {
    return tx.preparedQuery("DELETE FROM duty_shifts WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.rowCount() > 0);
  }

  /** The ids among {@code ids} that name no active user. */
  public Future<List<Long>> unknownUsers(SqlClient db, List<Long> ids) {
    return db.preparedQuery("SELECT x FROM unnest($1::bigint[]) AS x WHERE NOT EXISTS"
            + " (SELECT 1 FROM users u WHERE u.id = x AND u.active)")
        .execute(Tuple.of(ids.toArray(new Long[0])))
        .map(rows -> {
          List<Long> unknown = new ArrayList<>();
          rows.forEach(r -> unknown.add(r.getLong(0)));
          return unknown;
        });
  }

  private Future<Void> officers(SqlClient tx, long shiftId, List<Long> userIds) {
    return tx.preparedQuery("INSERT INTO duty_shift_officers (shift_id, user_id) SELECT $1, unnest($2::bigint[])")
        .execute(Tuple.of(shiftId, (Object) userIds.toArray(new Long[0]))).mapEmpty();
  }

  private static List<Shift> shifts(Iterable<Row> rows) {
    List<Shift> list = new ArrayList<>();
    for (Row r : rows) {
      list.add(new Shift(r.getLong("id"), r.getLong("unit_id"), r.getLocalDate("duty_date"),
          r.getLocalTime("start_time"), r.getLocalTime("end_time"), r.getLong("leader_user_id"),
          List.of(r.getArrayOfLongs("officers")), r.getString("note")));
    }
    return list;
  }
}
