package org.floodready.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short-lived signed token in an alert message's link: it lets that recipient, once logged in,
 * acknowledge that alert. {@code alertId.userId.expiresEpochSecond.signature}, the signature an HMAC-SHA256
 * under a key derived from the node's token secret (the same on every node of a cluster).
 */
final class AckLinks {
  static final Duration TTL = Duration.ofHours(2);

  record Claim(long alertId, long userId, Instant expires) {
  }

  private final byte[] key;

  AckLinks(String secret) {
    try {
      this.key = MessageDigest.getInstance("SHA-256").digest(("floodready-ack-link:" + secret)
          .getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A message's link without a personal token, for a message read by a whole group. */
  static String withoutToken(String link) {
    return link == null ? null : link.replaceFirst("\\?ack=[^#]*", "");
  }

  /** The node's links, keyed by its token secret (read off the event loop). */
  static io.vertx.core.Future<AckLinks> load(org.floodready.app.AppContext app) {
    return app.blocking(() -> new AckLinks(org.floodready.access.TokenService.loadOrCreateSecret(app.config().dataDir(),
        app.config().jwtSecret())));
  }

  String token(long alertId, long userId, Instant now) {
    String payload = alertId + "." + userId + "." + now.plus(TTL).getEpochSecond();
    return payload + "." + sign(payload);
  }

  /** The claim of a well-signed token, whether expired or not; empty when forged or malformed. */
  Optional<Claim> read(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length != 4) {
      return Optional.empty();
    }
    String payload = parts[0] + "." + parts[1] + "." + parts[2];
    if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
        parts[3].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Claim(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
          Instant.ofEpochSecond(Long.parseLong(parts[2]))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
