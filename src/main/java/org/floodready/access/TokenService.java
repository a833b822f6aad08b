package org.floodready.access;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issues and checks the HS256 bearer tokens that both the API and the board use. */
public final class TokenService {
  static final int MAX_VERIFIED = 10_000;

  private record Verified(CurrentUser user, int generation, long expiresAtMillis) {
  }

  private final JWTAuth jwt;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  /** Per user, the oldest token generation still valid (users never revoked are absent: generation 0). */
  private final Map<Long, Integer> validFrom = new ConcurrentHashMap<>();
  private final List<LongConsumer> revocationListeners = new CopyOnWriteArrayList<>();
  private final Duration ttl;

  public TokenService(Vertx vertx, String secret, Duration ttl) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    this.ttl = ttl;
  }

  public String issue(CurrentUser user) {
    return issue(user, 0);
  }

  /** A token of the user's current generation ({@code users.token_generation}). */
  public String issue(CurrentUser user, int generation) {
    JsonObject claims = new JsonObject()
        .put("gen", generation)
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

  /**
   * Refuses from now on every token of the user older than the generation (disabled, new password, new
   * role). Called on every node: {@link TokenRevocations} carries it over the event bus and from PostgreSQL.
   */
  public void revoke(long userId, int generation) {
    Integer before = validFrom.get(userId);
    // remembered tokens are checked against it on every use
    if (!Integer.valueOf(generation).equals(before) && validFrom.merge(userId, generation, Math::max) == generation) {
      revocationListeners.forEach(l -> l.accept(userId));
    }
  }

  /** Told the user id each time a user's older tokens stop working on this node (to end what they opened). */
  public void onRevoke(LongConsumer listener) {
    revocationListeners.add(listener);
  }

  /**
   * The caller a token stands for. A token's signature is checked once; afterwards, until it expires, the
   * caller comes from a bounded per-node memo (it takes the HMAC and JSON parsing off every request). Either
   * way the token's generation is checked against the user's revocations on every call.
   */
  public Future<CurrentUser> verify(String token) {
    Verified known = verified.get(token);
    if (known != null && System.currentTimeMillis() < known.expiresAtMillis()) {
      return notRevoked(known);
    }
    return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
      JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
      CurrentUser caller = new CurrentUser(Long.parseLong(claims.getString("sub")), claims.getString("name"),
          claims.getString("dn"), Role.fromCode(claims.getString("role")), claims.getLong("unit"));
      Verified checked = new Verified(caller, claims.getInteger("gen", 0), 0);
      Long exp = claims.getLong("exp");
      if (exp != null) {
        if (verified.size() >= MAX_VERIFIED) {
          verified.clear();
        }
        checked = new Verified(caller, checked.generation(), exp * 1000);
        verified.put(token, checked);
      }
      return notRevoked(checked);
    });
  }

  private Future<CurrentUser> notRevoked(Verified token) {
    if (token.generation() < validFrom.getOrDefault(token.user().id(), 0)) {
      return Future.failedFuture(new IllegalStateException("token revoked"));
    }
    return Future.succeededFuture(token.user());
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
