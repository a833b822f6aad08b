package org.floodready.excel;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.excel.ImportRepository.CheckpointRef;
import org.floodready.excel.ImportRepository.Person;
import org.floodready.excel.SheetReader.SheetRow;

/**
 * Who reads a checkpoint (测点监测员): a row per checkpoint and inspector account (by username or name); the
 * rows of a checkpoint replace its inspectors, as {@code PUT /api/admin/checkpoints/{id}/inspectors} does.
 */
final class CheckpointInspectorsKind implements ImportKind {
  private static final List<Column> COLUMNS = List.of(
      Column.text("checkpoint", "测点", "Checkpoint", true, "SK-DEMO",
          "测点编码或名称；一个测点的各行替换它原有的全部监测员 checkpoint code or Chinese name; the rows of a"
              + " checkpoint replace all its inspectors"),
      Column.text("inspector", "监测员", "Inspector", true, "zhang.jiance",
          "监测员账号的用户名或姓名 username or name of an inspector account"));

  @Override
  public String id() {
    return "checkpoint-inspectors";
  }

  @Override
  public String sheetName() {
    return "测点监测员";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Map<String, Object>>> current(AppContext app) {
    return new ImportRepository(app.pool()).checkpointInspectors();
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    checks.unique(r -> ItemsKind.lower(RowChecks.text(r, "checkpoint")) + "/" + RowChecks.text(r, "inspector"),
        "inspector", "测点与监测员 Checkpoint and inspector ");
    Future<List<CheckpointRef>> checkpoints = checks.repository.checkpointRefs();
    Future<List<Person>> inspectors = checks.repository.activeUsers("inspector");
    return Future.all(checkpoints, inspectors).map(all -> {
      var refs = PerCheckpoint.refs(checkpoints.result());
      var people = new RowChecks.Refs<>("监测员", "inspector", inspectors.result(), Person::username,
          Person::displayName);
      PerCheckpoint<Long> lists = new PerCheckpoint<>();
      for (SheetRow row : checks.each()) {
        CheckpointRef checkpoint = refs.resolve(checks, row, "checkpoint");
        Person inspector = people.resolve(checks, row, "inspector");
        if (checkpoint != null && inspector != null) {
          lists.add(checkpoint, inspector.id());
        }
      }
      return lists.writes((t, checkpoint, ids) ->
          t.checkpoints().setInspectors(checkpoint.id(), checkpoint.unitId(), ids.stream().distinct().toList()));
    });
  }
}
