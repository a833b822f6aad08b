package org.floodready.inventory;

import io.vertx.ext.web.Router;
import org.floodready.access.Assignments;
import org.floodready.app.AppContext;

/** Every supply-inventory route under /api, mounted by one line in ApiRouter. */
public final class InventoryRoutes {
  private final AppContext app;

  public InventoryRoutes(AppContext app) {
    this.app = app;
  }

  public void mount(Router api) {
    BaseAccess access = new BaseAccess(new BaseRepository(app.pool()), new Assignments(app.pool()));
    LotRepository lots = new LotRepository(app.pool());
    StockService stock = new StockService(app, lots);
    new CatalogueRoutes(app).mount(api);
    new StockRoutes(app, access, stock).mount(api);
    new LedgerRoutes(app, access).mount(api);
    new MovementPhotoRoutes(app, access).mount(api);
    new TransferRoutes(app, access, new TransferService(app, lots, stock)).mount(api);
    new QuotaRoutes(app, access).mount(api);
    new CoverageRoutes(app, access).mount(api);
    new StocktakeRoutes(app, access, new StocktakeService(app, lots, stock)).mount(api);
    new LabelRoutes(app, access, lots).mount(api);
    new IncidentStockRoutes(app, access, lots, new ItemIssueService(app, lots, stock),
        new ReturnService(lots, stock)).mount(api);
  }
}
