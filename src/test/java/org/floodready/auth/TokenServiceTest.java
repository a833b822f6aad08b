package org.floodready.auth;

import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.access.TokenService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tokens: checked once, then remembered until they expire — never past their expiry, never when altered. */
@ExtendWith(VertxExtension.class)
class TokenServiceTest {
  private static final CurrentUser KEEPER = new CurrentUser(7, "keeper", "仓管员", Role.BASE_KEEPER, 3L);

  @Test
  void aRememberedTokenStillExpires(Vertx vertx) throws Exception {
    TokenService tokens = new TokenService(vertx, "0123456789abcdef0123456789abcdef", Duration.ofSeconds(1));
    String token = tokens.issue(KEEPER);
    assertEquals(KEEPER, tokens.verify(token).await(5, TimeUnit.SECONDS));
    assertEquals(KEEPER, tokens.verify(token).await(5, TimeUnit.SECONDS), "second check, from the memo");
    TimeUnit.MILLISECONDS.sleep(2100);
    assertThrows(Exception.class, () -> tokens.verify(token).await(5, TimeUnit.SECONDS),
        "an expired token fails even though it was remembered");
  }

  @Test
  void anAlteredTokenFailsAfterTheGenuineOneWasRemembered(Vertx vertx) throws Exception {
    TokenService tokens = new TokenService(vertx, "0123456789abcdef0123456789abcdef", Duration.ofHours(1));
    String token = tokens.issue(KEEPER);
    assertEquals(KEEPER, tokens.verify(token).await(5, TimeUnit.SECONDS));
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "x" + "." + parts[2];
    assertThrows(Exception.class, () -> tokens.verify(forged).await(5, TimeUnit.SECONDS));
    TokenService other = new TokenService(vertx, "another-secret-another-secret-xx", Duration.ofHours(1));
    assertThrows(Exception.class, () -> other.verify(token).await(5, TimeUnit.SECONDS),
        "the memo is per service: another secret does not accept it");
  }
}
