package org.floodready.excel;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.floodready.excel.Column.Option;
import org.floodready.excel.Column.Type;
import org.floodready.inventory.Base;
import org.floodready.inventory.InventoryValidation;
import org.floodready.inventory.Item;

/**
 * Opening balances (期初库存): a row per lot, booked as a receipt movement in the ledger by the stock service.
 * Each row claims a key made of the sheet's content hash and its row number, so the same sheet uploaded again
 * (even re-saved) books nothing twice.
 */
final class OpeningBalancesKind implements ImportKind {
  private static final List<Option> CONDITIONS = List.of(new Option("usable", "完好"),
      new Option("needs_repair", "待修"));

  private static final List<Column> COLUMNS = List.of(
      Column.text("base", "基地", "Base", true, "JD-01", "基地编码或名称 base code or Chinese name"),
      Column.text("item", "物资", "Item", true, "WB-01", "物资编码或名称 item code or Chinese name"),
      Column.text("lotCode", "批次号", "Lot code", false, "2026-001", "空则自动生成 empty = generated"),
      Column.of("quantity", "数量", "Quantity", Type.DECIMAL, true, 5000, "按物资的计量单位 in the item's unit"),
      Column.of("receivedOn", "入库日期", "Received on", Type.DATE, false, LocalDate.of(2026, 5, 1), null),
      Column.of("expiresOn", "有效期至", "Expires on", Type.DATE, false, LocalDate.of(2029, 5, 1),
          "空则按保质期计算 empty = from the shelf life"),
      Column.choice("condition", "状况", "Condition", false, CONDITIONS, CONDITIONS.get(0)),
      Column.text("note", "备注", "Note", false, "期初结转 opening balance", null));

  @Override
  public Future<List<java.util.Map<String, Object>>> current(org.floodready.app.AppContext app) {
    return new ImportRepository(app.pool()).openingBalances();
  }

  @Override
  public String id() {
    return "opening-balances";
  }

  @Override
  public String sheetName() {
    return "期初库存";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    List<String> keys = checks.rows.stream()
        .map(row -> "xlsx-opening:" + checks.contentHash + ":" + row.rowNumber()).toList();
    return checks.repository.booked(keys).compose(booked -> {
      checks.expect("already_booked", booked.size());
      return checks.catalogue();
    }).map(catalogue -> {
      var itemRefs = catalogue.items();
      var baseRefs = catalogue.bases();
      List<Write> writes = new ArrayList<>();
      Claims claims = new Claims(keys, checks);
      for (SheetReader.SheetRow row : checks.each()) {
        Base base = baseRefs.resolve(checks, row, "base");
        Item item = itemRefs.resolve(checks, row, "item");
        var json = RowChecks.json(row, "lotCode", "quantity", "receivedOn", "expiresOn", "condition", "note");
        json.put("itemId", item == null ? 1L : item.id()); // an unresolved item is reported already
        InventoryValidation.ReceiptInput in = checks.validate(row, "createBaseReceipt", json,
            () -> InventoryValidation.receipt(json, checks.today()), f -> f.equals("itemId") ? "item" : f);
        if (in != null && base != null && item != null) {
          String key = "xlsx-opening:" + checks.contentHash + ":" + row.rowNumber();
          writes.add(t -> claims.fresh(t).compose(fresh -> !fresh.contains(key)
              ? Future.succeededFuture("already_booked") : t.inventory().receive(base, item, in).map("booked")));
        }
      }
      return writes;
    });
  }

  /** The rows' keys, claimed all at once by the first write of the transaction. */
  private static final class Claims {
    private final List<String> keys;
    private final RowChecks checks;
    private Future<Set<String>> fresh;

    Claims(List<String> keys, RowChecks checks) {
      this.keys = keys;
      this.checks = checks;
    }

    Future<Set<String>> fresh(ImportTx t) {
      if (fresh == null) {
        fresh = ImportRepository.claim(t.tx(), keys, checks.contentHash, checks.app.now());
      }
      return fresh;
    }
  }
}
