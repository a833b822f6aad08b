package org.floodready.excel;

import org.floodready.sheets.Xlsx;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.errors.ApiError;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/**
 * Import templates and imports (admin): {@code GET /import/templates/{kind}.xlsx} ({@code ?filled=true}: the
 * data there is, to edit and import again), {@code POST /import/{kind}}
 * with the .xlsx as the raw request body (like hazard photos), {@code ?dryRun=true} to only check.
 */
public final class ImportRoutes {
  private final AppContext app;
  private final ImportService service;
  private final ImportJobs jobs;

  public ImportRoutes(AppContext app) {
    this.app = app;
    this.service = new ImportService(app);
    this.jobs = new ImportJobs(app);
  }

  public void mount(Router api) {
    api.get("/import/templates/:file").handler(this::template);
    api.post("/import/:kind").handler(this::importSheet);
    api.get("/import/jobs/:jobId").handler(this::job);
  }

  private void template(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN);
    String file = ctx.pathParam("file");
    if (!file.endsWith(".xlsx")) {
      throw ApiError.notFound("Template", file);
    }
    ImportKind kind = ImportService.kind(file.substring(0, file.length() - ".xlsx".length()));
    boolean filled = Boolean.TRUE.equals(new QueryParams(ctx).bool("filled"));
    Future<List<Map<String, Object>>> rows = filled ? kind.current(app) : Future.succeededFuture(null);
    if (rows == null) {
      throw ApiError.invalid("filled", "filled templates exist for every kind");
    }
    rows.compose(current -> app.blocking(() -> TemplateWriter.write(kind, current)))
        .compose(bytes -> Xlsx.sendBytes(ctx, (filled ? "data-" : "template-") + kind.id() + ".xlsx", bytes))
        .onFailure(ctx::fail);
  }

  private void importSheet(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    ImportKind kind = ImportService.kind(ctx.pathParam("kind"));
    QueryParams q = new QueryParams(ctx);
    boolean dryRun = Boolean.TRUE.equals(q.bool("dryRun"));
    boolean async = Boolean.TRUE.equals(q.bool("async"));
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && type.toLowerCase().startsWith("multipart/")) {
      throw new ApiError(415, "raw_body_expected", "请把 .xlsx 文件作为请求体直接上传（不是表单）"
          + " / Send the .xlsx file itself as the request body, not as a form", null);
    }
    Buffer body = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    if (!async) {
      Respond.ok(ctx, service.run(admin, kind, body.getBytes(), dryRun, new ImportProgress()));
      return;
    }
    jobs.start(kind.id(), admin.id(), dryRun).onSuccess(job -> {
      service.run(admin, kind, body.getBytes(), dryRun, job).onComplete(job::finish);
      ctx.response().putHeader("Location", "/api/import/jobs/" + job.id);
      Respond.json(ctx, 202, job.started);
    }).onFailure(ctx::fail);
  }

  /** An import run with {@code ?async=true}: its phase and rows, then its answer (or its problems). */
  private void job(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    Respond.ok(ctx, jobs.find(ctx.pathParam("jobId"), admin.id()));
  }
}
