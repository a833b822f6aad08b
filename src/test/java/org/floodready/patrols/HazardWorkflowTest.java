package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.floodready.errors.ApiError;
import org.junit.jupiter.api.Test;

class HazardWorkflowTest {
  @Test
  void theHappyPathLeadsToClosed() {
    String s = HazardWorkflow.REPORTED;
    s = HazardWorkflow.next(s, "assign");
    assertEquals("assigned", s);
    s = HazardWorkflow.next(s, "start");
    assertEquals("rectifying", s);
    s = HazardWorkflow.next(s, "rectify");
    assertEquals("rectified", s);
    s = HazardWorkflow.next(s, "verify");
    assertEquals("closed", s);
    assertEquals("rectifying", HazardWorkflow.next(s, "reopen"));
  }

  @Test
  void skippingAStepIsAConflict() {
    ApiError e = assertThrows(ApiError.class, () -> HazardWorkflow.next(HazardWorkflow.REPORTED, "verify"));
    assertEquals(409, e.status());
    assertEquals(409, assertThrows(ApiError.class, () -> HazardWorkflow.next("closed", "rectify")).status());
    assertEquals(409, assertThrows(ApiError.class, () -> HazardWorkflow.next("reported", "reopen")).status());
  }
}
