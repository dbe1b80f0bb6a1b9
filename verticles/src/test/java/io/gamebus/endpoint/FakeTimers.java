package io.gamebus.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Timers that fire only when a test says so; records every delay asked for. */
final class FakeTimers implements Timers {

  private final Map<Long, Runnable> pending = new LinkedHashMap<>();
  private final Map<Long, Long> delays = new LinkedHashMap<>();
  private final List<Long> asked = new ArrayList<>();
  private long next;

  @Override
  public long set(long delayMs, Runnable action) {
    long id = next++;
    pending.put(id, action);
    delays.put(id, delayMs);
    asked.add(delayMs);
    return id;
  }

  @Override
  public boolean cancel(long id) {
    delays.remove(id);
    return pending.remove(id) != null;
  }

  /** Timers set and neither fired nor cancelled. */
  int pending() {
    return pending.size();
  }

  /** Every delay asked for, in order, in ms. */
  List<Long> delaysAsked() {
    return asked;
  }

  /** Fires the oldest pending timer with this delay; fails if there is none. */
  void fire(long delayMs) {
    Long id = delays.entrySet().stream().filter(e -> e.getValue() == delayMs).map(Map.Entry::getKey).findFirst()
      .orElseThrow(() -> new AssertionError("no pending timer of " + delayMs + " ms; pending " + delays.values()));
    delays.remove(id);
    pending.remove(id).run();
  }
}
