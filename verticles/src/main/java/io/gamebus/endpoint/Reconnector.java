package io.gamebus.endpoint;

import io.gamebus.bus.StatusEvent;
import io.gamebus.config.ReconnectConfig;

/**
 * Client-role reconnects: exponential backoff with jitter, each wait announced on {@code .status}
 * as {@code reconnecting}; {@link #stop()} cancels the pending wait, so nothing runs once stopped.
 */
public final class Reconnector {

  private final Timers timers;
  private final EndpointBus bus;
  private final Backoff backoff;
  private long timer = -1;
  private boolean stopped;

  public Reconnector(Timers timers, EndpointBus bus, ReconnectConfig config) {
    this.timers = timers;
    this.bus = bus;
    this.backoff = new Backoff(config.initialDelayMs(), config.maxDelayMs(), config.multiplier(), config.jitter());
  }

  /** Runs {@code connect} after the next backoff delay; a wait already scheduled is kept and this call ignored. */
  public void schedule(Runnable connect) {
    if (stopped || timer != -1) {
      return;
    }
    long delay = backoff.nextDelayMs();
    bus.state(StatusEvent.RECONNECTING, "in " + delay + " ms (attempt " + backoff.attempts() + ")");
    timer = timers.set(delay, () -> {
      timer = -1;
      if (!stopped) {
        connect.run();
      }
    });
  }

  /** After a connection proved good, the next failure waits the initial delay again. */
  public void reset() {
    backoff.reset();
  }

  /** Cancels the scheduled attempt, if any; later calls to {@link #schedule} do nothing. */
  public void stop() {
    stopped = true;
    if (timer != -1) {
      timers.cancel(timer);
      timer = -1;
    }
  }

  public boolean stopped() {
    return stopped;
  }
}
