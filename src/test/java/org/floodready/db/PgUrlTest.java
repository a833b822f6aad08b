package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.floodready.config.ConfigException;
import org.junit.jupiter.api.Test;

class PgUrlTest {
  @Test
  void theReadmeFormIsParsedByThePgClient() {
    assertEquals(new PgUrl("db.example", 5432, "floodready", "flood", "secret"),
        PgUrl.parse("postgresql://flood:secret@db.example:5432/floodready"));
    assertEquals(new PgUrl("h", 5433, "db", "fr-user", "p@ss:w"), PgUrl.parse(" postgres://fr-user:p%40ss%3Aw@h:5433/db "));
  }

  @Test
  void anythingElseIsAConfigErrorThatDoesNotEchoThePassword() {
    ConfigException e = assertThrows(ConfigException.class, () -> PgUrl.parse("mysql://u:hunter2@h/db"));
    assertEquals(false, e.getMessage().contains("hunter2"));
    assertThrows(ConfigException.class, () -> PgUrl.parse("postgresql://h:notaport/db"));
  }
}
