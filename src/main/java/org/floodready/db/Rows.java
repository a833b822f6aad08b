package org.floodready.db;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.Optional;

/** Small readers of query results. */
public final class Rows {
  private Rows() {
  }

  /** The first row, or empty when the query found none. */
  public static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }
}
