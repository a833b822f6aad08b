package org.floodready.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The board and admin pages name their scripts and styles by content hash; those are cached for a year. */
@FloodReadyTest
class VersionedPagesTest {
  static TestServer server;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
  }

  @Test
  void theBoardPageIsRevalidatedAndItsAssetsAreVersionedByContent() throws Exception {
    Resp page = server.anonymous.get("/");
    assertEquals(200, page.status());
    assertEquals("no-cache", page.header("Cache-Control"));
    Matcher js = Pattern.compile("src=\"/board\\.js\\?v=([0-9a-f]{10})\"").matcher(page.body());
    assertTrue(js.find(), page.body());
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of("dashboards/board.js")));
    assertEquals(HexFormat.of().formatHex(digest, 0, 5), js.group(1), "the version is the content's hash");
    assertTrue(page.body().contains("href=\"/board.css?v="), "styles too");

    Resp asset = server.anonymous.get("/board.js?v=" + js.group(1));
    assertEquals(200, asset.status());
    assertTrue(asset.header("Cache-Control").contains("max-age=31536000"), asset.header("Cache-Control"));
    assertTrue(server.anonymous.get("/board.js").header("Cache-Control").contains("max-age=60"),
        "an unversioned name is cached briefly only");
  }

  @Test
  void theAdminPagesAreVersionedTooAndTheFieldAppIsLeftToItsServiceWorker() {
    assertTrue(server.anonymous.get("/admin/").body().contains("src=\"/admin/admin.js?v="));
    assertTrue(server.anonymous.get("/admin/import.html").body().contains("src=\"/admin/import.js?v="));
    assertTrue(server.anonymous.get("/field/").body().contains("src=\"/field/field-core.js\""));
  }
}
