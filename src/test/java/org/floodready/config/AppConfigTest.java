package org.floodready.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

  @Test
  void defaultsApplyWhenNothingIsGiven() {
    AppConfig c = AppConfig.from(new String[0], Map.of());
    assertEquals(8080, c.httpPort());
    assertTrue(c.embeddedPg());
    assertTrue(c.demoData());
    assertEquals(Duration.ofMinutes(720), c.tokenTtl());
    assertEquals("Asia/Shanghai", c.zone().getId());
  }

  @Test
  void environmentOverridesDefaultsAndFlagsOverrideEnvironment() {
    Map<String, String> env = Map.of("FLOODREADY_PORT", "9000", "FLOODREADY_PG_URL", "postgresql://u:p@db:5432/x");
    AppConfig fromEnv = AppConfig.from(new String[0], env);
    assertEquals(9000, fromEnv.httpPort());
    assertFalse(fromEnv.embeddedPg());
    AppConfig fromFlag = AppConfig.from(new String[] {"--port=9100", "--demo-data", "false"}, env);
    assertEquals(9100, fromFlag.httpPort());
    assertFalse(fromFlag.demoData());
  }

  @Test
  void badValuesNameTheOption() {
    ConfigException notNumber = assertThrows(ConfigException.class,
        () -> AppConfig.from(new String[] {"--port", "eighty"}, Map.of()));
    assertTrue(notNumber.getMessage().contains("--port"));
    ConfigException unknown = assertThrows(ConfigException.class,
        () -> AppConfig.from(new String[] {"--prot", "80"}, Map.of()));
    assertTrue(unknown.getMessage().contains("--prot"));
    assertThrows(ConfigException.class, () -> AppConfig.from(new String[] {"--demo-data", "maybe"}, Map.of()));
  }

  @Test
  void helpListsEveryOption() {
    String help = AppConfig.helpText();
    for (Option o : AppConfig.OPTIONS) {
      assertTrue(help.contains("--" + o.flag()), o.flag());
      assertTrue(help.contains(o.env()), o.env());
    }
  }
}
