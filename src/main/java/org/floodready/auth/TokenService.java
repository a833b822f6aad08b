package org.floodready.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/** Issues and checks the HS256 bearer tokens that both the API and the board use. */
public final class TokenService {
  private final JWTAuth jwt;
  private final Duration ttl;

  public TokenService(Vertx vertx, String secret, Duration ttl) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    this.ttl = ttl;
  }

  public String issue(CurrentUser user) {
    JsonObject claims = new JsonObject()
        .put("sub", Long.toString(user.id()))
        .put("name", user.username())
        .put("dn", user.displayName())
        .put("role", user.role().code())
        .put("unit", user.unitId());
    return jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm("HS256")
        .setIssuer("floodready")
        .setExpiresInSeconds((int) ttl.toSeconds()));
  }

  public Duration ttl() {
    return ttl;
  }

  public Future<CurrentUser> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token)).map(user -> {
      JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
      return new CurrentUser(Long.parseLong(claims.getString("sub")), claims.getString("name"),
          claims.getString("dn"), Role.fromCode(claims.getString("role")), claims.getLong("unit"));
    });
  }

  /** The configured secret, or one generated on first start and kept in the data dir. Blocking. */
  public static String loadOrCreateSecret(Path dataDir, String configured) throws IOException {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    Path file = dataDir.resolve("jwt-secret");
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    Files.createDirectories(dataDir);
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    String secret = Base64.getEncoder().encodeToString(bytes);
    Files.writeString(file, secret);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    return secret;
  }
}
