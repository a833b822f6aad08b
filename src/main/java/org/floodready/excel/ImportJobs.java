package org.floodready.excel;

import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.floodready.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports run off the request ({@code ?async=true}) and the progress the admin page polls. A job lives in
 * this node's memory (shared by its HTTP verticles) until 15 minutes after it ended; a restart forgets it,
 * the import itself being one transaction either way.
 */
final class ImportJobs {
  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
  private static final Duration KEEP = Duration.ofMinutes(15);

  private final LocalMap<String, Job> jobs;

  ImportJobs(Vertx vertx) {
    this.jobs = vertx.sharedData().getLocalMap("floodready.import-jobs");
  }

  /** How far one import got: reading → checking → writing → done (or rejected / failed). */
  static final class Job implements Shareable {
    final String id = UUID.randomUUID().toString();
    final String kind;
    final long adminId;
    final boolean dryRun;
    private volatile String phase = "reading";
    private volatile int total;
    private volatile int checked;
    private final AtomicInteger written = new AtomicInteger();
    private volatile JsonObject result;
    private volatile JsonObject error;
    private volatile int errorStatus;
    private volatile Instant endedAt;

    Job(String kind, long adminId, boolean dryRun) {
      this.kind = kind;
      this.adminId = adminId;
      this.dryRun = dryRun;
    }

    void read(int rows) {
      total = rows;
      phase = "checking";
    }

    /** Every row checked; the writing follows only when all passed and this is no dry run. */
    void checked(boolean writing) {
      checked = total;
      if (writing) {
        phase = "writing";
      }
    }

    void wrote() {
      written.incrementAndGet();
    }

    /** The import's end: its answer, or the error the synchronous form would have answered. */
    void finish(AsyncResult<JsonObject> outcome) {
      if (outcome.succeeded()) {
        result = outcome.result();
        phase = "done";
      } else if (outcome.cause() instanceof ApiError e) {
        error = e.toJson();
        errorStatus = e.status();
        phase = e instanceof ImportService.Rejected ? "rejected" : "failed";
      } else {
        log.error("Import job {} ({}) failed", id, kind, outcome.cause());
        error = new JsonObject().put("error", "internal_error").put("message", "导入出错 The import failed");
        errorStatus = 500;
        phase = "failed";
      }
      endedAt = Instant.now();
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject().put("id", id).put("kind", kind).put("dryRun", dryRun).put("phase", phase)
          .put("total", total).put("checkedRows", checked).put("writtenRows", written.get());
      if (result != null) {
        json.put("result", result);
      }
      if (error != null) {
        json.put("status", errorStatus).put("problem", error);
      }
      return json;
    }
  }

  Job start(String kind, long adminId, boolean dryRun) {
    Instant cutoff = Instant.now().minus(KEEP);
    jobs.entrySet().removeIf(e -> e.getValue().endedAt != null && e.getValue().endedAt.isBefore(cutoff));
    Job job = new Job(kind, adminId, dryRun);
    jobs.put(job.id, job);
    return job;
  }

  /** The job of this admin (another admin's job is not found either: its problems may be about other data). */
  Job find(String id, long adminId) {
    Job job = jobs.get(id);
    if (job == null || job.adminId != adminId) {
      throw ApiError.notFound("Import job", id);
    }
    return job;
  }
}
