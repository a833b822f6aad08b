package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;
import org.floodready.events.EventType;
import org.floodready.db.PageRequest;

/**
 * The inventory writes a spreadsheet import makes, for the excel package: the same repositories, stock
 * service and audit entries as the API's routes, inside the import's one transaction, events after the commit.
 */
public final class InventoryImport {
  private final AppContext app;
  private final ItemRepository items;
  private final BaseRepository bases;
  private final StockService stock;

  public InventoryImport(AppContext app) {
    this.app = app;
    this.items = new ItemRepository(app.pool());
    this.bases = new BaseRepository(app.pool());
    this.stock = new StockService(app, new LotRepository(app.pool()));
  }

  public Future<List<Item>> items() {
    return items.page(new Where(), new PageRequest(1, 1_000_000, "i.code", "code")).map(rows -> {
      List<Item> out = new ArrayList<>();
      rows.forEach(r -> out.add(Item.from(r)));
      return out;
    });
  }

  public Future<List<Base>> bases() {
    return bases.all();
  }

  /** Every quota as the API shows it (base, item code, required, multipliers, note). */
  public Future<List<JsonObject>> quotas() {
    return new QuotaRepository(app.pool())
        .page(new Where(), new PageRequest(1, 1_000_000, "q.base_id, i.code", "baseId"), ResponseLevel.IV)
        .map(rows -> {
          List<JsonObject> out = new ArrayList<>();
          rows.forEach(r -> out.add(QuotaRepository.toJson(r, app::iso)));
          return out;
        });
  }

  /** Ids among {@code userIds} that are not active base keepers. */
  public Future<List<Long>> notKeepers(List<Long> userIds) {
    return bases.notKeepers(userIds);
  }

  /** The writes inside the caller's import transaction; {@link Writer#appendEvents()} before it commits. */
  public Writer writer(SqlConnection tx, CurrentUser admin) {
    return new Writer(tx, admin, new PendingEvents());
  }

  /** The writes of one import transaction. */
  public final class Writer {
    private final SqlConnection tx;
    private final CurrentUser admin;
    private final PendingEvents events;

    private Writer(SqlConnection tx, CurrentUser admin, PendingEvents events) {
      this.tx = tx;
      this.admin = admin;
      this.events = events;
    }

    /** Appends the stock and quota events gathered to the event log, in the import's transaction, last. */
    public Future<Void> appendEvents() {
      return events.appendTo(tx, app.events());
    }

    /** Creates the item, or updates the one with {@code existingId}. */
    public Future<Long> saveItem(Long existingId, InventoryValidation.ItemInput in) {
      Future<Long> id = existingId == null ? items.insert(tx, in)
          : items.update(tx, existingId, in).map(existingId);
      return id.compose(i -> AuditLog.record(tx, app.now(), admin, existingId == null ? "item.create" : "item.update",
          "item", i, new JsonObject().put("code", in.code()).put("source", "xlsx")).map(i));
    }

    /** Creates the base, or updates the one with {@code existingId}, and sets its keepers. */
    public Future<Long> saveBase(Long existingId, InventoryValidation.BaseInput in, List<Long> keeperIds) {
      Future<Long> id = existingId == null ? bases.insert(tx, in)
          : bases.update(tx, existingId, in).map(existingId);
      return id.compose(b -> AuditLog.record(tx, app.now(), admin, existingId == null ? "base.create" : "base.update",
              "base", b, new JsonObject().put("code", in.code()).put("source", "xlsx"))
          .compose(v -> bases.replaceKeepers(tx, b, keeperIds))
          .compose(v -> AuditLog.record(tx, app.now(), admin, "base.keepers", "base", b,
              new JsonObject().put("userIds", new JsonArray(keeperIds))))
          .map(b));
    }

    public Future<Boolean> saveQuota(Base base, long itemId, InventoryValidation.QuotaInput in) {
      return QuotaRepository.upsert(tx, base.id(), itemId, in, app.now(), admin.id())
          .compose(created -> AuditLog.record(tx, app.now(), admin, created ? "quota.create" : "quota.update",
              "quota", base.id() + "/" + itemId, new JsonObject().put("required", Quantities.json(in.required()))
                  .put("source", "xlsx")).map(created))
          .onSuccess(created -> events.add(EventType.QUOTA_CHANGED, new JsonObject().put("unitId", base.unitId())
              .put("baseId", base.id()).put("itemId", itemId)));
    }

    /** A receipt movement in the ledger through the stock service; answers the movement. */
    public Future<JsonObject> receive(Base base, Item item, InventoryValidation.ReceiptInput in) {
      return stock.receive(tx, admin, base, item, in, null, events).map(outcome -> outcome.body());
    }
  }
}
