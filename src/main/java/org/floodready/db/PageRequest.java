package org.floodready.db;

import org.floodready.errors.ApiError;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page of a list, {@code ?page=1&size=50&sort=name,-created_at} (read from the query by {@code web.Paging}).
 * Sort keys are looked up in a whitelist that maps each public key to a SQL expression, so the ORDER BY never contains client text.
 *
 * <p>The answer's {@code total} is counted up to {@code countCap} rows (or to the end of the page asked for, when
 * that is further): exact below it ({@code totalExact: true}); above it the count stops and the answer says there
 * are more than {@code total} rows ({@code totalExact: false}), as "1,000+". An exact count of a province's
 * 200,000 lots or ledger rows costs 0.1–0.7 s however small the page; a capped one costs at most what the deepest
 * page asked for costs anyway.
 */
public record PageRequest(int page, int size, String orderBy, String sort, int countCap) {
  public static final int MAX_SIZE = 500;

  /** A read for the code's own use (an export, a lookup): its total is only counted as far as its rows go. */
  public PageRequest(int page, int size, String orderBy, String sort) {
    this(page, size, orderBy, sort, 0);
  }

  /** The page of {@code sort} (e.g. {@code name,-createdAt}), each key looked up in {@code sortable}. */
  public static PageRequest of(int page, int size, String sort, Map<String, String> sortable, int countCap) {
    List<String> terms = new ArrayList<>();
    for (String key : sort.split(",")) {
      String k = key.trim();
      boolean desc = k.startsWith("-");
      String name = desc ? k.substring(1) : k;
      String column = sortable.get(name);
      if (column == null) {
        throw ApiError.invalid("sort", "can sort by " + String.join(", ", sortable.keySet())
            + " (prefix - for descending)");
      }
      terms.add(column + (desc ? " DESC" : " ASC"));
    }
    if (terms.isEmpty()) {
      throw ApiError.invalid("sort", "must name at least one of " + String.join(", ", sortable.keySet()));
    }
    return new PageRequest(page, size, String.join(", ", terms), sort, countCap);
  }

  /**
   * {@code SELECT columns, (SELECT count(*) FROM (SELECT 1 FROM ... WHERE ... LIMIT n) c) AS total FROM ... WHERE
   * ... ORDER BY ... LIMIT ... OFFSET ...}: the page's query over {@code from} (which starts with " FROM"); the
   * rows carry the (capped) total for {@link #result}. The total is a sub-query, not {@code count(*) OVER ()}: a
   * window total makes PostgreSQL compute every matching row's columns and sort them all before the LIMIT (5.7 s
   * for the first page of 200,000 ledger rows on a loaded machine), while the page itself can follow an index and
   * stop after {@code size} rows; the sub-query's LIMIT lets the count stop too.
   */
  public String select(String columns, String from, Where where) {
    return "SELECT " + columns + ", (SELECT count(*) FROM (SELECT 1" + from + where.sql() + " LIMIT " + countLimit()
        + ") counted) AS total" + from + where.sql() + " ORDER BY " + orderBy + " LIMIT " + size + " OFFSET " + offset();
  }

  /** Rows counted at most: the cap, or this page's end when deeper, and one more to tell "more than" apart. */
  long countLimit() {
    return Math.max(countCap, (long) offset() + size) + 1;
  }

  public int offset() {
    return (page - 1) * size;
  }

  /**
   * A page from rows that carry the query's {@code total} column (see {@link #select}): {@code total} and
   * {@code pages} exact with {@code totalExact: true}; else there are more than {@code total} rows and at least
   * {@code pages} pages (so the page after this one exists).
   */
  public JsonObject result(Iterable<Row> rows, Function<Row, JsonObject> mapper) {
    JsonArray items = new JsonArray();
    long counted = 0;
    for (Row r : rows) {
      counted = r.getLong("total");
      items.add(mapper.apply(r));
    }
    boolean exact = counted < countLimit();
    long total = exact ? counted : counted - 1;
    return new JsonObject()
        .put("items", items)
        .put("page", page)
        .put("size", size)
        .put("total", total)
        .put("totalExact", exact)
        .put("pages", exact ? (total + size - 1) / size : total / size + 1)
        .put("sort", sort);
  }
}
