package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.floodready.app.AppContext;

/** One kind of sheet that can be imported: its template columns and how its rows are checked and written. */
interface ImportKind {
  /** The name in the URL: {@code /api/import/{id}}, {@code /api/import/templates/{id}.xlsx}. */
  String id();

  /** The Chinese sheet name of the template (and the sheet read on import, else the first one). */
  String sheetName();

  List<Column> columns();

  /**
   * Loads what the rows refer to and checks every row with the domain's own validation, reporting each
   * problem to {@code rows}; answers one write per row, run only when no row has a problem.
   */
  Future<List<Write>> check(RowChecks rows);

  /**
   * The data there is now, a row per thing keyed by column, for a filled template (export, edit, import
   * again); null when this kind has no filled template.
   */
  default Future<List<Map<String, Object>>> current(AppContext app) {
    return null;
  }

  /** One row's write inside the import transaction; answers what it did ("created", "updated", "booked"...). */
  interface Write extends Function<ImportTx, Future<String>> {
    /** Slow work done before the transaction opens, off the event loop (e.g. hashing a password). */
    default Future<Void> prepare() {
      return Future.succeededFuture();
    }
  }

  /** The summary of an import: rows, and per outcome how many. */
  static JsonObject summary(int rows, List<String> outcomes) {
    JsonObject counts = new JsonObject();
    outcomes.forEach(o -> counts.put(o, counts.getInteger(o, 0) + 1));
    return new JsonObject().put("rows", rows).put("outcomes", counts);
  }
}
