package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.floodready.duty.DutyRoster;
import org.floodready.duty.Shift;

/** Who a rule names: inspectors, responsible persons, heads, keepers, the officers and leader on duty. */
final class Recipients {
  private static final String UP_THE_TREE = "WITH RECURSIVE up (id, parent_id, depth) AS (SELECT id, parent_id, 0"
      + " FROM units WHERE id = $1 UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u"
      + " JOIN up ON u.id = up.parent_id) ";

  private final DutyRoster roster;

  Recipients(DutyRoster roster) {
    this.roster = roster;
  }

  Future<List<Long>> inspectors(SqlClient db, long checkpointId) {
    return ids(db, "SELECT user_id FROM checkpoint_inspectors WHERE checkpoint_id = $1", Tuple.of(checkpointId));
  }

  Future<List<Long>> responsibles(SqlClient db, long unitId) {
    return ids(db, "SELECT user_id FROM unit_responsibles WHERE unit_id = $1", Tuple.of(unitId));
  }

  Future<List<Long>> allResponsibles(SqlClient db) {
    return ids(db, "SELECT DISTINCT user_id FROM unit_responsibles", Tuple.tuple());
  }

  Future<List<Long>> keepers(SqlClient db, long baseId) {
    return ids(db, "SELECT user_id FROM base_keepers WHERE base_id = $1", Tuple.of(baseId));
  }

  /** The heads of the nearest unit up the tree that has any (the district head for a street's item). */
  Future<List<Long>> heads(SqlClient db, long unitId) {
    return ids(db, UP_THE_TREE + "SELECT r.user_id FROM up JOIN unit_responsibles r ON r.unit_id = up.id AND r.is_head"
        + " WHERE up.depth = (SELECT min(up2.depth) FROM up up2 JOIN unit_responsibles r2 ON r2.unit_id = up2.id"
        + " AND r2.is_head)", Tuple.of(unitId));
  }

  /** The officers on duty now for an item of the unit (the duty room). */
  Future<List<Long>> onDutyOfficers(SqlClient db, long unitId, OffsetDateTime at) {
    return roster.responsibleFor(db, unitId, at).map(shifts -> {
      Set<Long> ids = new LinkedHashSet<>();
      shifts.forEach(s -> ids.addAll(s.officerIds()));
      return new ArrayList<>(ids);
    });
  }

  Future<List<Long>> leadersOnCall(SqlClient db, long unitId, OffsetDateTime at) {
    return roster.responsibleFor(db, unitId, at).map(shifts -> shifts.stream().map(Shift::leaderUserId)
        .filter(java.util.Objects::nonNull).distinct().toList());
  }

  /** What a fact knows to find people by: the item's unit, its checkpoint, its base (each may be absent). */
  record Scope(Long unitId, Long checkpointId, Long baseId) {
  }

  /** The ids of the kinds of people a rule names (see {@link RuleSet#ALLOWED}), in the rule's order. */
  Future<List<Long>> resolve(SqlClient db, List<String> kinds, Scope scope, OffsetDateTime now) {
    List<Long> ids = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (String kind : kinds) {
      chain = chain.compose(v -> kind(db, kind, scope, now)).map(found -> {
        ids.addAll(found);
        return null;
      });
    }
    return chain.map(v -> ids);
  }

  private Future<List<Long>> kind(SqlClient db, String kind, Scope s, OffsetDateTime now) {
    Future<List<Long>> none = Future.succeededFuture(List.of());
    return switch (kind) {
      case "inspectors" -> s.checkpointId() == null ? none : inspectors(db, s.checkpointId());
      case "keepers" -> s.baseId() == null ? none : keepers(db, s.baseId());
      case "all_responsibles" -> allResponsibles(db);
      case "responsibles" -> s.unitId() == null ? none : responsibles(db, s.unitId());
      case "heads" -> s.unitId() == null ? none : heads(db, s.unitId());
      case "duty_officers" -> s.unitId() == null ? none : onDutyOfficers(db, s.unitId(), now);
      case "leader_on_call" -> s.unitId() == null ? none : leadersOnCall(db, s.unitId(), now);
      default -> none;
    };
  }

  /** The active people among the ids, each once, in the order first named. */
  Future<List<Person>> people(SqlClient db, Collection<Long> ids) {
    List<Long> unique = new ArrayList<>(new LinkedHashSet<>(ids));
    if (unique.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return db.preparedQuery("SELECT " + Person.COLUMNS + " FROM users u WHERE u.active AND u.id = ANY($1::bigint[])")
        .execute(Tuple.of(unique.toArray(new Long[0])))
        .map(rows -> {
          Map<Long, Person> byId = new LinkedHashMap<>();
          rows.forEach(r -> byId.put(r.getLong("id"), Person.from(r)));
          return unique.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        });
  }

  private static Future<List<Long>> ids(SqlClient db, String sql, Tuple args) {
    return db.preparedQuery(sql).execute(args).map(rows -> {
      List<Long> list = new ArrayList<>();
      rows.forEach(r -> list.add(r.getLong(0)));
      return list;
    });
  }
}
