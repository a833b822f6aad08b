package org.floodready.board.panels;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.floodready.db.Where;
import org.floodready.geo.MapView;

/**
 * One layer of the site map (bases, checkpoints or reaches) for a view: PostgreSQL picks the layer's sites inside
 * the view box; when more than the view's cap fall inside, it counts them per grid cell instead, with each cell's
 * worst state. The states come from the domain (coverage, checkpoint states, patrol compliance): only the sites
 * not in the best state are passed, as (id, rank) pairs.
 *
 * @param name      the layer's key in the answer
 * @param table     the table, aliased {@code t}
 * @param lat       the latitude expression
 * @param lon       the longitude expression
 * @param states    the layer's states, best first: a site's rank is its state's index
 */
record SiteMapLayer(String name, String table, String lat, String lon, List<String> states) {

  /** Which of the layer's rows the user may see (conditions on alias {@code t}); {@link #ALL} adds none. */
  interface Scope {
    void limit(Where where);
  }

  static final Scope ALL = where -> { };

  /**
   * Adds the layer to {@code map}: its sites in {@code map.<name>} (as {@code points} gives them for the ids inside
   * the view) or its cells in {@code map.cells.<name>}, how it was answered in {@code map.layers.<name>}.
   * {@code ranks} gives the rank of each site not in the best state; it is only asked for cells.
   */
  Future<Void> addTo(JsonObject map, Pool pool, MapView view, Scope scope,
      Function<List<Long>, Future<List<JsonObject>>> points, Supplier<Future<Map<Long, Integer>>> ranks) {
    Where where = inView(view, scope);
    return pool.preparedQuery("SELECT t.id FROM " + table + " t" + where.sql() + " ORDER BY t.id LIMIT " + (view.cap() + 1))
        .execute(where.tuple())
        .compose(rows -> {
          if (rows.size() <= view.cap()) {
            List<Long> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getLong(0)));
            return points.apply(ids).map(sites -> {
              JsonArray out = map.getJsonArray(name);
              sites.forEach(out::add);
              layer(map).put(name, new JsonObject().put("mode", "points").put("count", sites.size()));
              return null;
            });
          }
          return ranks.get().compose(r -> cells(map, pool, view, scope, r));
        });
  }

  private Future<Void> cells(JsonObject map, Pool pool, MapView view, Scope scope, Map<Long, Integer> ranks) {
    Where where = inView(view, scope);
    String cell = where.bind(view.cellDegrees());
    String ids = where.bind(ranks.keySet().toArray(Long[]::new));
    String worst = where.bind(ranks.values().toArray(Integer[]::new));
    String sql = "SELECT floor(" + lon + " / " + cell + ")::bigint AS gx, floor(" + lat + " / " + cell + ")::bigint AS gy,"
        + " count(*) AS n, avg(" + lat + ") AS lat, avg(" + lon + ") AS lon, max(COALESCE(s.rank, 0)) AS worst"
        + " FROM " + table + " t LEFT JOIN unnest(" + ids + "::bigint[], " + worst + "::int[]) AS s(id, rank)"
        + " ON s.id = t.id" + where.sql() + " GROUP BY 1, 2 ORDER BY 2, 1";
    return pool.preparedQuery(sql).execute(where.tuple()).map(rows -> {
      JsonArray out = new JsonArray();
      long count = 0;
      for (Row r : rows) {
        long n = r.getLong("n");
        count += n;
        out.add(new JsonObject().put("lat", r.getDouble("lat")).put("lon", r.getDouble("lon")).put("count", n)
            .put("state", states.get(Math.min(states.size() - 1, r.getInteger("worst"))))
            .put("bbox", view.cellBox(r.getLong("gx"), r.getLong("gy"))));
      }
      map.getJsonObject("cells").put(name, out);
      layer(map).put(name, new JsonObject().put("mode", "cells").put("count", count));
      return null;
    });
  }

  /** The layer's extent (every site the user may see), merged into {@code map.extent}. */
  Future<Void> addExtent(JsonObject map, Pool pool, Scope scope) {
    Where where = new Where().and(lat + " IS NOT NULL").and(lon + " IS NOT NULL");
    scope.limit(where);
    return pool.preparedQuery("SELECT min(" + lon + ") AS w, min(" + lat + ") AS s, max(" + lon + ") AS e, max(" + lat
            + ") AS n FROM " + table + " t" + where.sql())
        .execute(where.tuple())
        .map(rows -> {
          Row r = rows.iterator().next();
          if (r.getDouble("w") != null) {
            JsonArray e = map.getJsonArray("extent");
            if (e == null) {
              map.put("extent", new JsonArray().add(r.getDouble("w")).add(r.getDouble("s")).add(r.getDouble("e"))
                  .add(r.getDouble("n")));
            } else {
              map.put("extent", new JsonArray().add(Math.min(e.getDouble(0), r.getDouble("w")))
                  .add(Math.min(e.getDouble(1), r.getDouble("s"))).add(Math.max(e.getDouble(2), r.getDouble("e")))
                  .add(Math.max(e.getDouble(3), r.getDouble("n"))));
            }
          }
          return null;
        });
  }

  private Where inView(MapView view, Scope scope) {
    Where where = new Where();
    String s = where.bind(view.minLat());
    String n = where.bind(view.maxLat());
    String w = where.bind(view.minLon());
    String e = where.bind(view.maxLon());
    where.and(lat + " BETWEEN " + s + " AND " + n).and(lon + " BETWEEN " + w + " AND " + e);
    scope.limit(where);
    return where;
  }

  /** The rank of each site not in the best state, for {@link #addTo}'s cells. */
  <T> Map<Long, Integer> ranks(Collection<T> sites, Function<T, Long> id, Function<T, String> state) {
    Map<Long, Integer> out = new HashMap<>();
    for (T site : sites) {
      int rank = states.indexOf(state.apply(site));
      if (rank > 0) {
        out.put(id.apply(site), rank);
      }
    }
    return out;
  }

  private static JsonObject layer(JsonObject map) {
    return map.getJsonObject("layers");
  }
}
