package org.floodready.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The board's and the admin pages' HTML with versioned names for their scripts and styles
 * ({@code /board.js?v=3f2a9c01d7}, the hash of the file's content): the HTML is revalidated on every load, the
 * versioned files are cached for a year, so a new build is picked up at once and an unchanged file is never
 * fetched again. The field app is left out: its service worker keeps its own files for offline use.
 */
public final class VersionedPages {
  public static final String ROOT = "dashboards";
  /** Page path → its file under {@link #ROOT}. */
  private static final Map<String, String> PAGES = Map.of(
      "/", "index.html",
      "/index.html", "index.html",
      "/admin/", "admin/index.html",
      "/admin/index.html", "admin/index.html",
      "/admin/import.html", "admin/import.html",
      "/admin/notify.html", "admin/notify.html",
      "/duty/", "duty/index.html",
      "/duty/index.html", "duty/index.html");
  private static final Pattern ASSET = Pattern.compile("(href|src)=\"(/[A-Za-z0-9_/.-]+\\.(?:css|js))\"");

  private final Map<String, Buffer> pages = new ConcurrentHashMap<>();

  private VersionedPages() {
  }

  /** Reads and rewrites the pages once (off the event loop), then serves them and the year-long cached assets. */
  public static Future<VersionedPages> load(Vertx vertx) {
    VersionedPages versioned = new VersionedPages();
    return vertx.executeBlocking(() -> {
      Map<String, Buffer> byFile = new ConcurrentHashMap<>();
      for (String file : PAGES.values()) {
        byFile.computeIfAbsent(file, f -> Buffer.buffer(versioned(vertx, read(vertx, f))));
      }
      PAGES.forEach((path, file) -> versioned.pages.put(path, byFile.get(file)));
      return versioned;
    }, false);
  }

  public void mount(Router router) {
    StaticHandler yearLong = StaticHandler.create(ROOT).setMaxAgeSeconds(365L * 24 * 3600);
    router.get().handler(ctx -> {
      Buffer page = pages.get(ctx.normalizedPath());
      if (page != null) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Cache-Control", "no-cache").end(page);
      } else if (ctx.request().getParam("v") != null) {
        yearLong.handle(ctx);
      } else {
        ctx.next();
      }
    });
  }

  /** The page with each local script and style named by the hash of its content. */
  static String versioned(Vertx vertx, String html) {
    Matcher m = ASSET.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String asset = m.group(2);
      String version = hash(read(vertx, asset.substring(1)));
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "=\"" + asset + "?v=" + version + "\""));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String read(Vertx vertx, String file) {
    return vertx.fileSystem().readFileBlocking(ROOT + "/" + file).toString(StandardCharsets.UTF_8);
  }

  private static String hash(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
