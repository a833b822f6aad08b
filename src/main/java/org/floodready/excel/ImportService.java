package org.floodready.excel;

import org.floodready.sheets.Xlsx;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.checkpoints.CheckpointImport;
import org.floodready.errors.ApiError;
import org.floodready.incidents.TeamImport;
import org.floodready.inventory.InventoryImport;
import org.floodready.patrols.RiverImport;

/**
 * An upload from file to ledger: read the sheet (worker thread), check every row with the domain's rules,
 * then write all rows in one transaction, or none and answer every problem with a marked copy of the file.
 */
final class ImportService {
  static final Map<String, ImportKind> KINDS = Map.ofEntries(
      Map.entry("items", new ItemsKind()),
      Map.entry("bases", new BasesKind()),
      Map.entry("opening-balances", new OpeningBalancesKind()),
      Map.entry("quotas", new QuotasKind()),
      Map.entry("reaches", new ReachesKind()),
      Map.entry("checkpoints", new CheckpointsKind()),
      Map.entry("units", new UnitsKind()),
      Map.entry("users", new UsersKind()),
      Map.entry("checkpoint-services", new CheckpointServicesKind()),
      Map.entry("checkpoint-inspectors", new CheckpointInspectorsKind()),
      Map.entry("rescue-teams", new RescueTeamsKind()),
      Map.entry("team-requirements", new TeamRequirementsKind()));

  /** Thrown as the answer to a sheet with problems: 422 with every problem and the marked copy. */
  static final class Rejected extends ApiError {
    private final JsonObject body;

    Rejected(JsonObject body) {
      super(422, "import_rejected", body.getString("message"), Map.of());
      this.body = body;
    }

    @Override
    public JsonObject toJson() {
      return body;
    }
  }

  private final AppContext app;

  ImportService(AppContext app) {
    this.app = app;
  }

  static ImportKind kind(String id) {
    ImportKind kind = KINDS.get(id);
    if (kind == null) {
      throw ApiError.notFound("Import kind (one of " + String.join(", ", KINDS.keySet().stream().sorted().toList())
          + ")", id);
    }
    return kind;
  }

  private record Read(SheetReader.Parsed parsed, Problems problems, String contentHash) {
  }

  Future<JsonObject> run(CurrentUser admin, ImportKind kind, byte[] file, boolean dryRun, ImportProgress job) {
    return app.blocking(() -> {
      Problems problems = new Problems();
      SheetReader.Parsed parsed = SheetReader.read(file, kind, problems);
      return new Read(parsed, problems, contentHash(kind, parsed));
    }).compose(read -> org.floodready.contract.ApiContract.load(app.vertx()).compose(contract -> {
      job.read(read.parsed().rows().size());
      RowChecks checks = new RowChecks(app, kind, read.parsed(), read.problems(), read.contentHash(), job,
          contract.validation());
      return kind.check(checks).compose(writes -> {
        job.checked(read.problems().isEmpty() && !dryRun);
        if (!read.problems().isEmpty()) {
          return reject(kind, read);
        }
        int rows = read.parsed().rows().size();
        if (dryRun) {
          return Future.succeededFuture(ImportKind.summary(rows, List.of()).put("kind", kind.id())
              .put("dryRun", true).put("valid", true).put("expected", checks.expected));
        }
        return write(admin, kind, read, writes, job);
      });
    }));
  }

  /** All rows in one transaction, which also ends a stored job "done" with the answer it commits. */
  private Future<JsonObject> write(CurrentUser admin, ImportKind kind, Read read, List<ImportKind.Write> writes,
      ImportProgress job) {
    InventoryImport inventory = new InventoryImport(app);
    RiverImport rivers = new RiverImport(app);
    CheckpointImport checkpoints = new CheckpointImport(app);
    TeamImport teams = new TeamImport(app);
    List<ImportTx> opened = new ArrayList<>();
    return Future.all(writes.stream().map(ImportKind.Write::prepare).toList())
        .compose(prepared -> app.pool().<JsonObject>withTransaction(tx -> {
      ImportTx t = new ImportTx(tx, admin, inventory.writer(tx, admin), rivers.writer(tx, admin),
          checkpoints.writer(tx, admin), new ArrayList<>(), teams.writer(tx, admin));
      opened.add(t);
      Future<List<String>> done = Future.succeededFuture(new ArrayList<>());
      for (ImportKind.Write write : writes) {
        done = done.compose(list -> write.apply(t).map(outcome -> {
          list.add(outcome);
          job.wrote();
          return list;
        }));
      }
      return done.compose(list -> {
        JsonObject answer = ImportKind.summary(read.parsed().rows().size(), list).put("kind", kind.id())
            .put("dryRun", false);
        return AuditLog.record(tx, app.now(), admin, "import." + kind.id(), "import", read.contentHash(),
                ImportKind.summary(list.size(), list).put("sheet", read.parsed().sheet().getSheetName()))
            .compose(v -> t.inventory().appendEvents())
            .compose(v -> t.checkpoints().appendEvents())
            .compose(v -> t.teams().appendEvents())
            .compose(v -> job.doneIn(tx, answer))
            .map(answer);
      });
    })).onSuccess(answer -> opened.forEach(t -> t.afterCommit().forEach(Runnable::run)));
  }

  private Future<JsonObject> reject(ImportKind kind, Read read) {
    Problems problems = read.problems();
    return app.blocking(() -> MarkedCopy.write(read.parsed().workbook(), problems)).map(marked -> {
      JsonObject fields = new JsonObject();
      problems.list().forEach(p -> fields.put(p.sheet() + "!" + (p.column() < 0 ? "" : p.toJson().getString("column"))
          + p.row(), p.messageZh() + " / " + p.messageEn()));
      JsonObject body = new JsonObject().put("error", "import_rejected")
          .put("message", "有 " + problems.total() + " 处问题，未导入任何数据 / " + problems.total()
              + " problem(s): nothing was imported")
          .put("fields", fields).put("kind", kind.id()).put("problemCount", problems.total())
          .put("problems", problems.toJson())
          .put("markedWorkbook", new JsonObject().put("filename", kind.id() + "-problems.xlsx")
              .put("contentType", Xlsx.CONTENT_TYPE).put("base64", Base64.getEncoder().encodeToString(marked)));
      throw new Rejected(body);
    });
  }

  /** A hash of the sheet's content (not of the file's bytes: re-saving the same sheet keeps its keys). */
  private static String contentHash(ImportKind kind, SheetReader.Parsed parsed) {
    StringBuilder s = new StringBuilder(kind.id());
    for (SheetReader.SheetRow row : parsed.rows()) {
      s.append('\n').append(row.rowNumber()).append(new JsonObject(new java.util.TreeMap<>(
          row.values().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
              e -> e.getValue().toString())))).encode());
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
