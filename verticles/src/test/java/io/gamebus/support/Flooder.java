package io.gamebus.support;

import io.gamebus.endpoint.EndpointMetrics;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile peer on a blocking socket: after its own set-up it writes the same block as fast as
 * the socket takes it and never reads, for at most {@code maxBytes} or until the server cuts it
 * off (its write fails). Meanwhile {@link #watch} samples an endpoint's buffered bytes, so a test
 * can assert the largest value seen.
 */
public final class Flooder {

  private final Socket socket;
  private final AtomicLong sent = new AtomicLong();
  private final CompletableFuture<Boolean> cutOff = new CompletableFuture<>();
  private final AtomicLong maxBuffered = new AtomicLong();

  public Flooder(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
  }

  public OutputStream out() throws IOException { return socket.getOutputStream(); }
  public InputStream in() throws IOException { return socket.getInputStream(); }

  /**
   * Starts writing {@code block} repeatedly on a thread; completes false once all was sent, true
   * when a write failed (the socket was closed). A stalled peer's future does not complete.
   */
  public CompletableFuture<Boolean> flood(byte[] block, long maxBytes) {
    Thread writer = new Thread(() -> {
      try {
        OutputStream out = socket.getOutputStream();
        while (sent.get() < maxBytes) {
          out.write(block);
          sent.addAndGet(block.length);
        }
        cutOff.complete(false);
      } catch (IOException e) {
        cutOff.complete(true);
      }
    }, "flooder");
    writer.setDaemon(true);
    writer.start();
    return cutOff;
  }

  public long sent() { return sent.get(); }

  /** Samples pending write plus backlog bytes of {@code metrics} every millisecond until closed. */
  public long watch(Vertx vertx, EndpointMetrics metrics) {
    return vertx.setPeriodic(1, t -> maxBuffered.accumulateAndGet(
      metrics.pendingWriteBytes() + metrics.backlogBytes(), Math::max));
  }

  public long maxBuffered() { return maxBuffered.get(); }

  public void close() throws IOException {
    socket.close();
  }
}
