package org.floodready.inspections;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.access.Visibility;
import org.floodready.db.Rows;
import org.floodready.errors.ApiError;

/**
 * The sites a user may inspect. Admins and the duty room inspect every site; an inspector the bases and
 * his own checkpoints; a river chief his own reaches. Viewers and keepers only read rounds.
 */
final class InspectionSites {
  /** One query per kind; {@code $1} is the user, {@code $2} the kind, {@code may} whether a scoped role may. */
  private static final String BASES = """
      SELECT id, name_zh, name_en, unit_id, lat, lon, NULL::bigint AS reach_id, $1::bigint IS NOT NULL AS may
      FROM bases WHERE $2::text = 'base'""";
  private static final String CHECKPOINTS = """
      SELECT id, name_zh, name_en, unit_id, lat, lon, NULL::bigint AS reach_id,
        c.id IN %s AS may
      FROM checkpoints c WHERE c.kind = $2""".formatted(Visibility.inspectedCheckpoints("$1"));
  private static final String REACHES = """
      SELECT id, name_zh, name_en, unit_id,
        (geometry->'coordinates'->0->>1)::float8 AS lat, (geometry->'coordinates'->0->>0)::float8 AS lon,
        id AS reach_id, id IN %s AS may
      FROM reaches WHERE $2::text = 'reach'""".formatted(Visibility.ledReaches("$1"));

  private final Pool pool;

  InspectionSites(Pool pool) {
    this.pool = pool;
  }

  static boolean mayInspect(CurrentUser user, String kind, boolean scopedMay) {
    if (Visibility.actsOnEverything(user)) {
      return true;
    }
    if (user.is(Role.INSPECTOR)) {
      return !"reach".equals(kind) && scopedMay;
    }
    return user.is(Role.RIVER_CHIEF) && "reach".equals(kind) && scopedMay;
  }

  private static String sql(String kind) {
    String query = switch (kind) {
      case "base" -> BASES;
      case "reach" -> REACHES;
      default -> CHECKPOINTS;
    };
    return "SELECT * FROM (" + query + ") s WHERE true";
  }

  /** The site for a round: 400 naming siteId when unknown, 403 when the user may not inspect it. */
  Future<Site> requireInspectable(CurrentUser user, String kind, long siteId) {
    return pool.preparedQuery(sql(kind) + " AND s.id = $3").execute(Tuple.of(user.id(), kind, siteId))
        .map(Rows::first)
        .map(found -> {
          Row r = found.orElseThrow(() -> ApiError.invalid("siteId", "no " + kind + " " + siteId));
          if (!mayInspect(user, kind, r.getBoolean("may"))) {
            throw ApiError.forbidden("You may not open an inspection round at " + r.getString("name_zh"));
          }
          return site(kind, r);
        });
  }

  /** The sites of a kind the user may inspect, for the field app's picker. */
  Future<JsonArray> inspectable(CurrentUser user, String kind) {
    return pool.preparedQuery(sql(kind) + " ORDER BY s.name_zh, s.id").execute(Tuple.of(user.id(), kind))
        .map(rows -> {
          List<JsonObject> out = new ArrayList<>();
          for (Row r : rows) {
            if (mayInspect(user, kind, r.getBoolean("may"))) {
              Site s = site(kind, r);
              out.add(new JsonObject().put("siteKind", kind).put("siteId", s.id()).put("nameZh", s.nameZh())
                  .put("nameEn", s.nameEn()).put("unitId", s.unitId()));
            }
          }
          return new JsonArray(out);
        });
  }

  private static Site site(String kind, Row r) {
    return new Site(kind, r.getLong("id"), r.getString("name_zh"), r.getString("name_en"), r.getLong("unit_id"),
        r.getDouble("lat"), r.getDouble("lon"), r.getLong("reach_id"));
  }
}
