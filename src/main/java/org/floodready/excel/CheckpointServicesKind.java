package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.checkpoints.CheckpointDraft;
import org.floodready.checkpoints.CheckpointValidation;
import org.floodready.excel.Column.Option;
import org.floodready.excel.Column.Type;
import org.floodready.excel.ImportRepository.CheckpointRef;
import org.floodready.excel.SheetReader.SheetRow;
import org.floodready.inventory.Base;

/**
 * What serves a checkpoint (排涝力量): pumps, pump trucks, pump stations and supply bases, a row each; the rows
 * of a checkpoint replace all it had, checked by the checkpoint API's own rules.
 */
final class CheckpointServicesKind implements ImportKind {
  private static final List<Option> KINDS = List.of(new Option("pump", "水泵"), new Option("pump_truck", "排水抢险车"),
      new Option("pump_station", "泵站"), new Option("base", "物资基地"));

  private static final List<Column> COLUMNS = List.of(
      Column.text("checkpoint", "测点", "Checkpoint", true, "SK-DEMO",
          "测点编码或名称；一个测点的各行替换它原有的全部排涝力量 checkpoint code or Chinese name; the rows of a"
              + " checkpoint replace all it had"),
      Column.choice("kind", "类型", "Kind", true, KINDS, KINDS.get(0)),
      Column.text("name", "名称", "Name", true, "示例潜水泵 Example pumps", null),
      Column.text("base", "物资基地", "Supply base", false, null,
          "可选：基地编码或名称 optional: base code or Chinese name"),
      Column.of("quantity", "数量", "Quantity", Type.INTEGER, false, 2, "1–100000"));

  @Override
  public String id() {
    return "checkpoint-services";
  }

  @Override
  public String sheetName() {
    return "测点排涝力量";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Map<String, Object>>> current(AppContext app) {
    return new ImportRepository(app.pool()).checkpointServices();
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    Future<List<CheckpointRef>> checkpoints = checks.repository.checkpointRefs();
    Future<RowChecks.Catalogue> catalogue = checks.catalogue();
    return Future.all(checkpoints, catalogue).map(all -> {
      var refs = PerCheckpoint.refs(checkpoints.result());
      PerCheckpoint<CheckpointDraft.Service> lists = new PerCheckpoint<>();
      for (SheetRow row : checks.each()) {
        CheckpointRef checkpoint = refs.resolve(checks, row, "checkpoint");
        Base base = RowChecks.text(row, "base") == null ? null : catalogue.result().bases().resolve(checks, row, "base");
        JsonObject json = RowChecks.json(row, "kind", "name", "quantity");
        if (base != null) {
          json.put("baseId", base.id());
        }
        CheckpointDraft.Service service = checks.validate(row, "#/components/schemas/CheckpointService", json,
            () -> CheckpointValidation.service(json),
            f -> f.equals("baseId") ? "base" : f);
        boolean baseOk = RowChecks.text(row, "base") == null || base != null;
        if (checkpoint != null && service != null && baseOk) {
          lists.add(checkpoint, service);
        }
      }
      return lists.writes((t, checkpoint, services) ->
          t.checkpoints().replaceServices(checkpoint.id(), checkpoint.unitId(), services));
    });
  }
}
