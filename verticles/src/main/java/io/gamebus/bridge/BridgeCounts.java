package io.gamebus.bridge;

import io.gamebus.config.BridgeConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the bridge counts beyond the endpoint counters of its {@code bridge.console} status bus
 * (sockets opened, frames in, deliveries out, bad input, slow subscribers): the sockets open per
 * transport and the refusals ({@code err} frames) per error code. Both label sets are closed, so
 * {@code /metrics} stays small whatever browsers do. Written on the bridge's event loop, read from
 * other threads, hence the atomics.
 */
public final class BridgeCounts {

  /** Every transport a socket can arrive on: SockJS's and the raw WebSocket. */
  public static final List<String> TRANSPORTS;
  /** A transport name outside {@link #TRANSPORTS} (none is expected): counted, not dropped. */
  static final String OTHER = "other";

  static {
    List<String> all = new ArrayList<>(BridgeConfig.TRANSPORTS);
    all.add("raw-websocket");
    all.add(OTHER);
    TRANSPORTS = Collections.unmodifiableList(all);
  }

  private final Map<String, AtomicLong> open = new LinkedHashMap<>();
  private final Map<String, LongAdder> refusals = new LinkedHashMap<>();

  BridgeCounts() {
    TRANSPORTS.forEach(t -> open.put(t, new AtomicLong()));
    for (BridgeErrors error : BridgeErrors.values()) {
      refusals.put(error.code(), new LongAdder());
    }
  }

  void opened(String transport) {
    slot(transport).incrementAndGet();
  }

  void closed(String transport) {
    slot(transport).decrementAndGet();
  }

  void refused(BridgeErrors error) {
    refusals.get(error.code()).increment();
  }

  private AtomicLong slot(String transport) {
    AtomicLong slot = open.get(transport);
    return slot != null ? slot : open.get(OTHER);
  }

  /** Browser sockets open now on {@code transport} (one of {@link #TRANSPORTS}). */
  public long openSockets(String transport) {
    AtomicLong slot = open.get(transport);
    return slot == null ? 0 : slot.get();
  }

  /** The codes an {@code err} frame can carry ({@code access_denied}, {@code invalid_json}, ...). */
  public List<String> refusalCodes() {
    return List.copyOf(refusals.keySet());
  }

  /** {@code err} frames sent so far with {@code code}. */
  public long refusals(String code) {
    LongAdder count = refusals.get(code);
    return count == null ? 0 : count.sum();
  }
}
