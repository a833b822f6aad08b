package org.floodready.inventory;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.field.LotLabelSheet;
import org.floodready.web.QueryParams;

/** Printable QR labels for a base's lots; scanning one opens the lot in the field app. */
final class LabelRoutes {
  private final AppContext app;
  private final BaseAccess access;
  private final LotRepository lots;

  LabelRoutes(AppContext app, BaseAccess access, LotRepository lots) {
    this.app = app;
    this.access = access;
    this.lots = lots;
  }

  void mount(Router api) {
    api.get("/bases/:baseId/labels.pdf").handler(this::labels);
  }

  private void labels(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long baseId = QueryParams.pathId(ctx, "baseId");
    URI self = URI.create(ctx.request().absoluteURI());
    String origin = self.getScheme() + "://" + self.getRawAuthority();
    LocalDate today = app.now().atZoneSameInstant(app.config().zone()).toLocalDate();
    access.requireRead(user, baseId)
        .compose(base -> lots.list(LotRepository.where(today, app.config().zone().getId())
                .and("l.base_id = ?", baseId).and("l.quantity > 0"), "i.code, l.lot_code")
            .map(list -> list.stream().map(lot -> new LotLabelSheet.Label(origin + "/field/#lot/" + lot.id(),
                lot.lotCode(), lot.itemNameZh(), lot.itemNameEn(),
                Quantities.json(lot.quantity()).toPlainString() + " " + lot.unitOfMeasure(),
                lot.expiresOn() == null ? null : lot.expiresOn().toString())).toList())
            .compose(labels -> app.blocking(() -> LotLabelSheet.render(
                "批次标签 Lot labels · " + base.nameZh() + " " + base.code(), labels))))
        .onSuccess(pdf -> ctx.response().putHeader("Content-Type", "application/pdf")
            .putHeader("Content-Disposition", "inline; filename=\"labels-base-" + baseId + ".pdf\"")
            .end(Buffer.buffer(pdf)))
        .onFailure(ctx::fail);
  }
}
