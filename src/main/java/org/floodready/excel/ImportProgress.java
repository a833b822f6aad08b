package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

/**
 * How far one import got: reading → checking (row by row) → writing (row by row). In memory for a synchronous
 * import; an {@link ImportJobs.Stored} job also writes it to {@code import_jobs} as it moves.
 */
class ImportProgress {
  protected volatile String phase = "reading";
  protected volatile int total;
  protected volatile int checked;
  protected volatile int written;

  void read(int rows) {
    total = rows;
    phase = "checking";
    changed(true);
  }

  /** One more row checked with the domain's rules. */
  void checkedRow() {
    checked = Math.min(total, checked + 1);
    changed(false);
  }

  /** Every row checked; the writing follows only when all passed and this is no dry run. */
  void checked(boolean writing) {
    checked = total;
    if (writing) {
      phase = "writing";
    }
    changed(true);
  }

  void wrote() {
    written++;
    changed(false);
  }

  /** Inside the import's transaction, just before its commit: a stored job ends "done" with that commit. */
  Future<Void> doneIn(SqlClient tx, JsonObject result) {
    return Future.succeededFuture();
  }

  /** The counts moved ({@code force}: the phase changed). */
  protected void changed(boolean force) {
  }
}
