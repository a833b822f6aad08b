package org.floodready.sheets;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.floodready.app.AppContext;

/** Sends tables as an .xlsx download, rendered on a worker thread; a failure fails the request (once). */
public final class Xlsx {
  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private Xlsx() {
  }

  /** One table, one sheet; {@code filename} without extension, {@code sheet} the (Chinese) sheet name. */
  public static Future<Void> send(AppContext app, RoutingContext ctx, String filename, String sheet, Csv table) {
    return send(app, ctx, filename, List.of(XlsxWriter.Table.of(sheet, table)));
  }

  public static Future<Void> send(AppContext app, RoutingContext ctx, String filename,
      List<XlsxWriter.Table> tables) {
    return app.blocking(() -> XlsxWriter.write(tables))
        .compose(bytes -> sendBytes(ctx, filename + ".xlsx", bytes))
        .onFailure(ctx::fail);
  }

  public static Future<Void> sendBytes(RoutingContext ctx, String filename, byte[] bytes) {
    return ctx.response()
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .end(Buffer.buffer(bytes));
  }
}
