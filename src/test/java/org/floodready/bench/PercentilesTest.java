package org.floodready.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRankOnOneToHundred() {
    Percentiles p = new Percentiles(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());
    assertEquals(50, p.at(50));
    assertEquals(99, p.at(99));
    assertEquals(100, p.at(100));
    assertEquals(1, p.at(0.5));
    assertEquals(100, p.max());
    assertEquals(100, p.count());
  }

  @Test
  void smallSetsRoundUp() {
    Percentiles p = new Percentiles(new long[] {30, 10, 20});
    assertEquals(20, p.at(50));
    assertEquals(30, p.at(99));
    assertEquals(10, p.at(1));
  }

  @Test
  void emptyIsZeroAndBadPercentilesAreRefused() {
    Percentiles p = new Percentiles(new long[0]);
    assertEquals(0, p.at(99));
    assertEquals(0, p.max());
    assertThrows(IllegalArgumentException.class, () -> p.at(0));
    assertThrows(IllegalArgumentException.class, () -> p.at(101));
  }

  @Test
  void inputIsNotReordered() {
    long[] values = {3, 1, 2};
    new Percentiles(values).at(50);
    assertEquals(3, values[0]);
  }
}
