package io.gamebus.endpoint;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionBudgetTest {

  @Test
  void refusesPastItsCapacityAndTakesBackWhatIsReleased() {
    ConnectionBudget budget = ConnectionBudget.of(2);
    assertTrue(budget.tryAcquire());
    assertTrue(budget.tryAcquire());
    assertFalse(budget.tryAcquire());
    assertEquals(2, budget.inUse());
    budget.release();
    assertTrue(budget.tryAcquire());
  }

  @Test
  void staysBelowTheOpenFileLimitOfThisProcess() {
    long limit = ConnectionBudget.openFileLimit();
    ConnectionBudget budget = ConnectionBudget.forThisProcess();
    if (limit > 0) {
      assertEquals(limit - ConnectionBudget.margin(limit), budget.capacity());
      assertTrue(budget.capacity() < limit);
    }
  }

  @Test
  void marginIsAtLeast64OrAnEighth() {
    assertEquals(128, ConnectionBudget.margin(1024));
    assertEquals(64, ConnectionBudget.margin(256));
    assertEquals(8192, ConnectionBudget.margin(65536));
  }

  @Test
  void warnsOnlyWhenTheConfiguredConnectionsExceedIt() {
    ConnectionBudget budget = ConnectionBudget.of(896);
    assertNull(budget.warning(896));
    assertTrue(budget.warning(2000).contains("2000"));
    assertTrue(budget.warning(2000).contains("896"));
  }
}
