package org.floodready.db;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a WHERE clause from optional filters with numbered placeholders; values are always
 * bound as parameters. {@code where.and("base_id = ?", baseId)} is skipped when baseId is null.
 */
public final class Where {
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> args = new ArrayList<>();

  /** Adds the condition when value is not null; each {@code ?} becomes the value's placeholder. */
  public Where and(String condition, Object value) {
    if (value != null) {
      conditions.add(condition.replace("?", bind(value)));
    }
    return this;
  }

  /** Adds a condition with no parameter. */
  public Where and(String condition) {
    conditions.add(condition);
    return this;
  }

  /** Adds "any of the columns contains text" (case-insensitive) when text is not null. */
  public Where matching(String text, String... columns) {
    if (text != null) {
      String p = bind("%" + text + "%");
      List<String> any = Arrays.stream(columns).map(column -> column + " ILIKE " + p).toList();
      conditions.add("(" + String.join(" OR ", any) + ")");
    }
    return this;
  }

  /** Binds a value and returns its placeholder, e.g. {@code $3}. */
  public String bind(Object value) {
    args.add(value);
    return "$" + args.size();
  }

  public String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  public Tuple tuple() {
    return Tuple.wrap(new ArrayList<>(args));
  }
}
