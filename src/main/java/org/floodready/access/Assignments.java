package org.floodready.access;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@link Visibility} rule read for one person: his bases, checkpoints and units, as sets of ids. */
public final class Assignments {
  private final Pool pool;

  public Assignments(Pool pool) {
    this.pool = pool;
  }

  /** Whether the user keeps the base. */
  public Future<Boolean> keeps(long userId, long baseId) {
    return pool.preparedQuery("SELECT 1 WHERE $2 IN " + Visibility.keptBases("$1"))
        .execute(Tuple.of(userId, baseId))
        .map(rows -> rows.size() > 0);
  }

  /** Whether a keeper keeps the base; false for every other role. */
  public Future<Boolean> isKeeper(CurrentUser user, long baseId) {
    return user.is(Role.BASE_KEEPER) ? keeps(user.id(), baseId) : Future.succeededFuture(false);
  }

  public Future<Set<Long>> keptBases(long userId) {
    return ids("SELECT base_id AS id FROM " + Visibility.keptBases("$1") + " k", Tuple.of(userId));
  }

  public Future<Set<Long>> inspectedCheckpoints(long userId) {
    return ids("SELECT checkpoint_id AS id FROM " + Visibility.inspectedCheckpoints("$1") + " i", Tuple.of(userId));
  }

  /** The units the person is assigned to, each with every unit below. */
  public Future<Set<Long>> units(long userId) {
    return ids(Visibility.assignedUnits("$1"), Tuple.of(userId));
  }

  /** The subset of the checkpoints the caller may post readings to. */
  public Future<List<Long>> postable(CurrentUser user, Collection<Long> ids) {
    if (Visibility.actsOnEverything(user)) {
      return Future.succeededFuture(List.copyOf(ids));
    }
    String mine = user.isGauge() ? Visibility.gaugeCheckpoints("$1")
        : user.is(Role.INSPECTOR) ? Visibility.inspectedCheckpoints("$1") : null;
    if (mine == null) {
      return Future.succeededFuture(List.of());
    }
    long who = user.isGauge() ? Visibility.gaugeKey(user) : user.id();
    return pool.preparedQuery("SELECT k.checkpoint_id FROM " + mine + " k WHERE k.checkpoint_id = ANY($2::bigint[])")
        .execute(Tuple.of(who, (Object) ids.toArray(new Long[0])))
        .map(rows -> {
          List<Long> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(r.getLong("checkpoint_id"));
          }
          return out;
        });
  }

  private Future<Set<Long>> ids(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args).map(rows -> {
      Set<Long> ids = new HashSet<>();
      rows.forEach(r -> ids.add(r.getLong("id")));
      return ids;
    });
  }
}
