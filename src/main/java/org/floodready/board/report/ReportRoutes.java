package org.floodready.board.report;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.sheets.Xlsx;
import org.floodready.sheets.XlsxWriter;
import org.floodready.errors.ApiError;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** The daily report (日报) as printable HTML, PDF, and CSV or .xlsx per table (all tables in one workbook). Duty room, admins and viewers. */
public final class ReportRoutes {
  private final AppContext app;
  private final DailyReportBuilder builder;

  public ReportRoutes(AppContext app, java.util.List<? extends ReportSource> parts) {
    this.app = app;
    this.builder = new DailyReportBuilder(app, parts);
  }

  public void mount(Router api) {
    api.get("/dashboard/reports/daily").handler(this::dailyHtml);
    api.get("/dashboard/reports/daily.pdf").handler(this::dailyPdf);
    api.get("/dashboard/reports/daily/tables/:table").handler(this::dailyTableCsv);
    api.get("/dashboard/reports/daily.xlsx").handler(this::dailyXlsx);
  }

  private void dailyHtml(RoutingContext ctx) {
    CurrentUser user = reader(ctx);
    builder.build(date(ctx), user)
        .compose(report -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
            .end(DailyReportHtml.render(report)))
        .onFailure(ctx::fail);
  }

  private void dailyPdf(RoutingContext ctx) {
    CurrentUser user = reader(ctx);
    LocalDate date = date(ctx);
    builder.build(date, user)
        .compose(report -> app.blocking(() -> DailyReportPdf.render(report)))
        .compose(pdf -> ctx.response().putHeader("Content-Type", "application/pdf")
            .putHeader("Content-Disposition", "inline; filename=\"daily-report-" + date + ".pdf\"")
            .end(Buffer.buffer(pdf)))
        .onFailure(ctx::fail);
  }

  private void dailyTableCsv(RoutingContext ctx) {
    CurrentUser user = reader(ctx);
    LocalDate date = date(ctx);
    String id = ctx.pathParam("table");
    boolean xlsx = "xlsx".equals(new QueryParams(ctx).oneOf("format", java.util.List.of("csv", "xlsx")));
    builder.build(date, user)
        .map(report -> report.table(id).orElseThrow(() -> ApiError.notFound("Report table", id)))
        .onSuccess(table -> {
          if (xlsx) {
            Xlsx.send(app, ctx, "daily-" + date + "-" + id, table.sheetName(), table.sheet());
          } else {
            Respond.csv(ctx, "daily-" + date + "-" + id + ".csv", table.csv());
          }
        })
        .onFailure(ctx::fail);
  }

  /** Every table of the day's report in one workbook, one sheet each. */
  private void dailyXlsx(RoutingContext ctx) {
    CurrentUser user = reader(ctx);
    LocalDate date = date(ctx);
    builder.build(date, user)
        .onSuccess(report -> Xlsx.send(app, ctx, "daily-report-" + date, report.tables().stream()
            .map(t -> XlsxWriter.Table.of(t.sheetName(), t.sheet())).toList()))
        .onFailure(ctx::fail);
  }

  private static CurrentUser reader(RoutingContext ctx) {
    return CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER, Role.VIEWER);
  }

  /** The report's date; today in the district zone when absent. */
  private LocalDate date(RoutingContext ctx) {
    LocalDate d = new QueryParams(ctx).date("date");
    return d != null ? d : app.now().atZoneSameInstant(app.config().zone()).toLocalDate();
  }
}
