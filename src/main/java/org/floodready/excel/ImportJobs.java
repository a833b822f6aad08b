package org.floodready.excel;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Base64;
import org.floodready.app.AppContext;
import org.floodready.db.Rows;
import org.floodready.errors.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports run off the request ({@code ?async=true}), stored in {@code import_jobs} so any node answers the
 * progress poll. The node running a job holds the session advisory lock (18018, id) on a connection of its own
 * and writes the progress through it at most every 200 ms; a job not ended whose lock nobody holds lost its node
 * and is marked {@code interrupted} by whoever reads it. The import's own transaction marks the job done, so an
 * interrupted job wrote nothing.
 */
final class ImportJobs {
  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
  private static final int LOCK_NAMESPACE = 18018;
  private static final long FLUSH_NANOS = 200_000_000L;
  private static final String COLUMNS = "id, kind, dry_run, state, total, checked_rows, written_rows, status,"
      + " result, problem, marked_copy, node, created_by, created_at, updated_at, ended_at";

  private final AppContext app;

  ImportJobs(AppContext app) {
    this.app = app;
  }

  /** A job of this node: its progress goes to its row through the connection holding its lock. */
  static final class Stored extends ImportProgress {
    private final SqlConnection conn;
    final long id;
    final JsonObject started;
    private long lastFlush = System.nanoTime();

    private Stored(SqlConnection conn, Row row) {
      this.conn = conn;
      this.id = row.getLong("id");
      this.started = toJson(row);
    }

    @Override
    protected void changed(boolean force) {
      long now = System.nanoTime();
      if (!force && now - lastFlush < FLUSH_NANOS) {
        return;
      }
      lastFlush = now;
      conn.preparedQuery("UPDATE import_jobs SET state = $2, total = $3, checked_rows = $4, written_rows = $5,"
              + " updated_at = now() WHERE id = $1 AND ended_at IS NULL")
          .execute(Tuple.of(id, phase, total, checked, written))
          .onFailure(e -> log.debug("Import job {}: progress not stored: {}", id, e.getMessage()));
    }

    @Override
    Future<Void> doneIn(SqlClient tx, JsonObject result) {
      return tx.preparedQuery("UPDATE import_jobs SET state = 'done', total = $2, checked_rows = $3,"
              + " written_rows = $4, result = $5, updated_at = now(), ended_at = now() WHERE id = $1")
          .execute(Tuple.of(id, total, checked, written, result)).mapEmpty();
    }

    /** The import's end: its answer, or the error the synchronous form would have answered; then the lock goes. */
    void finish(AsyncResult<JsonObject> outcome) {
      String state;
      Integer status = null;
      JsonObject result = null;
      JsonObject problem = null;
      Buffer marked = null;
      if (outcome.succeeded()) {
        state = "done";
        result = outcome.result();
      } else if (outcome.cause() instanceof ApiError e) {
        state = e instanceof ImportService.Rejected ? "rejected" : "failed";
        status = e.status();
        problem = e.toJson().copy();
        JsonObject copy = problem.getJsonObject("markedWorkbook");
        if (copy != null && copy.getString("base64") != null) {
          marked = Buffer.buffer(Base64.getDecoder().decode(copy.getString("base64")));
          copy.remove("base64");
        }
      } else {
        log.error("Import job {} failed", id, outcome.cause());
        state = "failed";
        status = 500;
        problem = new JsonObject().put("error", "internal_error").put("message", "导入出错 The import failed");
      }
      conn.preparedQuery("UPDATE import_jobs SET state = $2, total = $3, checked_rows = $4, written_rows = $5,"
              + " status = $6, result = $7, problem = $8, marked_copy = $9, updated_at = now(), ended_at = now()"
              + " WHERE id = $1 AND ended_at IS NULL")
          .execute(Tuple.wrap(java.util.Arrays.asList(id, state, total, checked, written, status, result, problem,
              marked)))
          .onFailure(e -> log.warn("Import job {}: its end ({}) not stored: {}", id, state, e.getMessage()))
          .transform(v -> conn.preparedQuery("SELECT pg_advisory_unlock($1, $2::int)")
              .execute(Tuple.of(LOCK_NAMESPACE, id)))
          .onComplete(v -> conn.close());
    }
  }

  /** Stores a new job and takes its lock in one statement: once the row is visible, its node holds the lock. */
  Future<Stored> start(String kind, long adminId, boolean dryRun) {
    return app.pool().getConnection().compose(conn -> conn
        .query("DELETE FROM import_jobs WHERE ended_at < now() - interval '7 days'").execute()
        .compose(v -> conn.preparedQuery("WITH j AS (INSERT INTO import_jobs (kind, dry_run, state, node, created_by)"
                + " VALUES ($1, $2, 'reading', $3, $4) RETURNING " + COLUMNS + ")"
                + " SELECT j.*, pg_advisory_lock($5, j.id::int) FROM j")
            .execute(Tuple.of(kind, dryRun, app.config().effectiveNodeName(), adminId, LOCK_NAMESPACE)))
        .map(rows -> new Stored(conn, rows.iterator().next()))
        .onFailure(e -> conn.close()));
  }

  /**
   * The job of this admin, from whichever node runs it (another admin's job is not found either: its problems
   * may be about other data); a job whose node is gone is marked interrupted first.
   */
  Future<JsonObject> find(String idText, long adminId) {
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      return Future.failedFuture(ApiError.notFound("Import job", idText));
    }
    return app.pool().preparedQuery("SELECT " + COLUMNS + ", ended_at IS NULL AND NOT EXISTS (SELECT 1 FROM pg_locks l"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND l.classid::text = $3 AND l.objid::text = j.id::text) AS orphaned"
            + " FROM import_jobs j WHERE id = $1 AND created_by = $2")
        .execute(Tuple.of(id, adminId, String.valueOf(LOCK_NAMESPACE)))
        .compose(rows -> {
          Row row = Rows.first(rows).orElseThrow(() -> ApiError.notFound("Import job", idText));
          return row.getBoolean("orphaned") ? interrupted(id) : Future.succeededFuture(toJson(row));
        });
  }

  private Future<JsonObject> interrupted(long id) {
    JsonObject problem = new JsonObject().put("error", "import_interrupted")
        .put("message", "导入所在的节点已停止，导入中断，未写入任何数据 / The node running the import stopped: the import"
            + " was interrupted and nothing was written");
    return app.pool().preparedQuery("UPDATE import_jobs SET state = 'interrupted', status = 503, problem = $2,"
            + " updated_at = now(), ended_at = now() WHERE id = $1 AND ended_at IS NULL")
        .execute(Tuple.of(id, problem))
        .compose(v -> app.pool().preparedQuery("SELECT " + COLUMNS + " FROM import_jobs WHERE id = $1")
            .execute(Tuple.of(id)))
        .map(rows -> toJson(rows.iterator().next()));
  }

  /** The job as the API answers it; a rejected job's problem carries the marked copy again (base64). */
  private static JsonObject toJson(Row r) {
    JsonObject json = new JsonObject().put("id", String.valueOf(r.getLong("id"))).put("kind", r.getString("kind"))
        .put("dryRun", r.getBoolean("dry_run")).put("phase", r.getString("state")).put("total", r.getInteger("total"))
        .put("checkedRows", r.getInteger("checked_rows")).put("writtenRows", r.getInteger("written_rows"))
        .put("node", r.getString("node")).put("createdAt", r.getOffsetDateTime("created_at").toString())
        .put("updatedAt", r.getOffsetDateTime("updated_at").toString());
    if (r.getOffsetDateTime("ended_at") != null) {
      json.put("endedAt", r.getOffsetDateTime("ended_at").toString());
    }
    if (r.getValue("result") != null) {
      json.put("result", (JsonObject) r.getValue("result"));
    }
    if (r.getValue("problem") != null) {
      JsonObject problem = (JsonObject) r.getValue("problem");
      Buffer marked = r.getBuffer("marked_copy");
      if (marked != null && problem.getJsonObject("markedWorkbook") != null) {
        problem.getJsonObject("markedWorkbook").put("base64", Base64.getEncoder().encodeToString(marked.getBytes()));
      }
      json.put("status", r.getInteger("status")).put("problem", problem);
    }
    return json;
  }
}
