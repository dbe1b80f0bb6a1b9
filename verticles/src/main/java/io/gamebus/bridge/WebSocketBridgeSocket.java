package io.gamebus.bridge;

import io.gamebus.endpoint.ServerListeners;
import io.gamebus.endpoint.WebSocketMessages;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.VoidChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A browser on a WebSocket: the raw one ({@code <path>/websocket}, one bridge frame per WebSocket
 * message) or SockJS's ({@code <path>/<server>/<session>/websocket}, SockJS framing: {@code o},
 * {@code h}, {@code a[…]}, {@code c[…]}).
 *
 * <p>This is the hot path, so messages bypass Vert.x's per-write promise and flush: the frames of
 * one batch are gathered, already encoded, into one buffer ({@link OutFrame#appendWire}) that is
 * written straight to the Netty channel (Vert.x's internal {@link WebSocketInternal} gives the
 * channel; vertx-web's own transports use the same internal API) when {@link FlushBatch} flushes.
 * Nothing is allocated per message per browser. How much waits for the browser is Netty's own
 * count of unsent bytes plus the batch, against a high-water mark set to the limit.
 */
final class WebSocketBridgeSocket extends BridgeSocket implements FlushBatch.Flushable {

  private static final System.Logger LOG = System.getLogger(WebSocketBridgeSocket.class.getName());
  /** SockJS's default heartbeat interval: proxies close a connection that is silent for longer. */
  static final long HEARTBEAT_MS = 25_000;
  private static final ByteBuf OPEN = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("o", StandardCharsets.US_ASCII));
  private static final ByteBuf HEARTBEAT = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("h", StandardCharsets.US_ASCII));
  /** A batch holds a burst's frames for one browser: 8 KiB is twenty 400-byte messages. */
  private static final int BATCH_INITIAL_BYTES = 8 * 1024;
  private static final int BATCH_PUSH_BYTES = 64 * 1024;

  private final ServerWebSocket ws;
  private final ChannelHandlerContext channel;
  /**
   * The promise of every direct write: none is allocated per message, and a write that fails
   * because the connection ended is not raised as a pipeline exception (Netty's own void promise
   * would, once per pending message, and Vert.x would answer each by closing again); the end is
   * reported once, by the close handler.
   */
  private final ChannelPromise quiet;
  private final boolean sockJs;
  private final FlushBatch flushes;
  private final Vertx vertx;
  private final int maxPendingBytes;
  private boolean dirty;
  /** Frames written since the last flush, as one buffer of whole WebSocket frames; null when none. */
  private ByteBuf batch;
  private boolean closing;
  private long heartbeat = -1;

  WebSocketBridgeSocket(Vertx vertx, String id, ServerWebSocket ws, boolean sockJs, int maxPendingBytes,
                        FlushBatch flushes, BridgePermissions permissions) {
    super(id, String.valueOf(ws.remoteAddress()), permissions);
    this.vertx = vertx;
    this.ws = ws;
    this.channel = ((WebSocketInternal) ws).channelHandlerContext();
    this.quiet = new VoidChannelPromise(channel.channel(), false);
    this.sockJs = sockJs;
    this.flushes = flushes;
    this.maxPendingBytes = maxPendingBytes;
    // Netty's high-water mark: the channel turns unwritable past the limit (see overLimit).
    ws.setWriteQueueMaxSize(maxPendingBytes);
    watchReadsOnly();
  }

  /**
   * The console port's idle timeout ({@code bridge.idleTimeoutSeconds}) watches both directions,
   * and Netty's handler for that turns every write's void promise into a real one with a listener:
   * an object and a callback per message per browser. On a bridge WebSocket the browser pings every
   * few seconds, and is closed by {@code pingTimeoutMs} when it stops, so silence from the browser
   * is what the timeout needs to see: the handler is swapped for one that watches reads only. Vert.x
   * would end the connection without a word; this one closes with 1008 and the reason.
   */
  private void watchReadsOnly() {
    ChannelPipeline pipeline = channel.pipeline();
    IdleStateHandler idle = pipeline.get(IdleStateHandler.class);
    if (idle == null || idle.getAllIdleTimeInMillis() <= 0) {
      return;
    }
    long millis = idle.getAllIdleTimeInMillis();
    pipeline.replace(idle, pipeline.context(idle).name(), new IdleStateHandler(millis, 0, 0, TimeUnit.MILLISECONDS) {
      @Override
      protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        WebSocketBridgeSocket.this.close(1008, "nothing heard for " + millis / 1000 + " s (bridge.idleTimeoutSeconds)");
      }
    });
  }

  /**
   * Starts reading: each bridge frame (text) goes to {@code frames}; {@code closed} runs once at
   * the end. A message over {@code maxMessageBytes} (whole or in fragments) closes with 1009, text
   * that is not UTF-8 with 1007, a frame against the protocol with 1002; each is told to
   * {@code badInput} first.
   */
  void start(Consumer<String> frames, Runnable closed, int maxMessageBytes, Consumer<String> badInput) {
    ws.closeHandler(v -> {
      markClosed();
      releaseBatch();
      vertx.cancelTimer(heartbeat);
      closed.run();
    });
    ws.exceptionHandler(e -> {
      if (e instanceof CorruptedWebSocketFrameException corrupted) {
        int code = corrupted.closeStatus().code();
        refuse(code, "websocket: " + e.getMessage()
          + (code == WebSocketMessages.MESSAGE_TOO_BIG ? " (bridge.maxFrameBytes)" : ""), badInput);
      } else {
        LOG.log(System.Logger.Level.DEBUG, "bridge socket {0}: {1}", id(), e.toString());
      }
    });
    // Whole messages gathered here, not by Vert.x: past its limit Vert.x reports the message and
    // then delivers the remaining fragments as a message of their own, and it decodes bad UTF-8.
    ws.frameHandler(new WebSocketMessages(maxMessageBytes, "bridge.maxFrameBytes", false, new WebSocketMessages.Sink() {
      @Override
      public void text(Buffer message) {
        String text = message.toString(StandardCharsets.UTF_8);
        if (sockJs) {
          unwrap(text, frames);
        } else {
          frames.accept(text);
        }
      }

      @Override
      public void binary(Buffer message) {
        if (!sockJs) {
          frames.accept(message.toString(StandardCharsets.UTF_8));
        }
      }

      @Override
      public void refuse(int status, String reason) {
        WebSocketBridgeSocket.this.refuse(status, "websocket: " + reason, badInput);
      }
    })::frame);
    if (sockJs) {
      writeRaw(OPEN.duplicate());
      heartbeat = vertx.setPeriodic(HEARTBEAT_MS, t -> writeRaw(HEARTBEAT.duplicate()));
    }
  }

  private void refuse(int status, String reason, Consumer<String> badInput) {
    if (isClosed() || closing) {
      return;
    }
    badInput.accept(reason);
    close(status, reason);
  }

  /** SockJS clients send {@code ["frame", …]} or {@code "frame"}; anything else is broken framing, and SockJS closes. */
  private void unwrap(String text, Consumer<String> frames) {
    if (text.isEmpty()) {
      return;
    }
    Object value;
    try {
      value = Json.decodeValue(text);
    } catch (DecodeException e) {
      value = null;
    }
    if (value instanceof String one) {
      frames.accept(one);
    } else if (value instanceof JsonArray many && many.stream().allMatch(String.class::isInstance)) {
      many.forEach(frame -> frames.accept((String) frame));
    } else {
      close(3000, "Broken framing.");
    }
  }

  @Override
  String transport() {
    return sockJs ? "websocket" : "raw-websocket";
  }

  /**
   * Appends the frame, header and all, to this flush's batch ({@link OutFrame#appendWire}); a batch
   * past {@value #BATCH_PUSH_BYTES} bytes goes to Netty at once, so Netty's count of what waits
   * (the slow-subscriber limit) is never more than that short.
   */
  @Override
  void write(OutFrame frame) {
    if (isClosed() || closing) {
      return;
    }
    if (!channel.executor().inEventLoop()) {
      channel.executor().execute(() -> write(frame));
      return;
    }
    if (batch == null) {
      batch = channel.alloc().directBuffer(BATCH_INITIAL_BYTES);
    }
    frame.appendWire(sockJs, batch);
    if (batch.readableBytes() >= BATCH_PUSH_BYTES) {
      pushBatch();
    }
    markDirty();
  }

  /** A SockJS control frame ({@code o}, {@code h}, {@code c[…]}), after whatever the batch holds. */
  private void writeRaw(ByteBuf payload) {
    if (isClosed() || closing) {
      return;
    }
    if (!channel.executor().inEventLoop()) {
      channel.executor().execute(() -> writeRaw(payload));
      return;
    }
    pushBatch();
    channel.write(new TextWebSocketFrame(true, 0, payload), quiet);
    markDirty();
  }

  private void markDirty() {
    if (!dirty) {
      dirty = true;
      flushes.add(this);
    }
  }

  private void releaseBatch() {
    ByteBuf gathered = batch;
    if (gathered != null) {
      batch = null;
      gathered.release();
    }
  }

  /** Hands the batch to Netty (which releases it once written, or when the connection ends). */
  private void pushBatch() {
    ByteBuf gathered = batch;
    if (gathered != null) {
      batch = null;
      channel.write(gathered, quiet);
    }
  }

  @Override
  public void flush() {
    dirty = false;
    pushBatch();
    channel.flush();
  }

  /**
   * What waits is Netty's count of written bytes (from the write, before our batched flush offers
   * them to the kernel) plus this flush's batch: a burst of more than the limit within one batch
   * would count a browser that reads at once as slow. So past the limit the batch is flushed first,
   * and what still waits after that is the browser's backlog. A writable channel with no batch is
   * under the limit (Netty's high-water mark is the limit): no need to count.
   */
  @Override
  boolean overLimit() {
    if (batch == null && channel.channel().isWritable() || pendingBytes() <= maxPendingBytes) {
      return false;
    }
    if (dirty) {
      flush();
    }
    return pendingBytes() > maxPendingBytes;
  }

  @Override
  long pendingBytes() {
    ChannelOutboundBuffer pending = channel.channel().unsafe().outboundBuffer();
    return (pending == null ? 0 : pending.totalPendingWriteBytes()) + (batch == null ? 0 : batch.readableBytes());
  }

  /** Netty's low-water mark: the channel is writable again once under half the limit. */
  @Override
  boolean drained() {
    if (dirty) {
      flush();
    }
    return channel.channel().isWritable();
  }

  @Override
  void close(int status, String reason) {
    if (isClosed() || closing) {
      return;
    }
    if (!channel.channel().isActive()) {
      // Already ended (its handlers may be gone from the pipeline); the close handler follows.
      closing = true;
      releaseBatch();
      return;
    }
    if (sockJs) {
      writeRaw(Unpooled.copiedBuffer("c[" + status + "," + Json.encode(reason) + "]", StandardCharsets.UTF_8));
    }
    closing = true;
    // Vert.x starts its closing timeout only once the close frame is written, which never happens
    // for a browser that does not read: cut the connection ourselves if it has not ended by then.
    vertx.setTimer(ServerListeners.CLOSING_TIMEOUT_SECONDS * 1000L, t -> {
      if (!isClosed()) {
        // From Vert.x's handler towards the socket: a close from the pipeline's tail would reach
        // Vert.x, which again waits for its close frame to be written first.
        channel.close();
      }
    });
    flush();
    if (!channel.channel().isWritable()) {
      // Vert.x would hold its close frame in its own queue until the browser reads (and log a
      // warning when the connection is then cut): write it after the backlog ourselves, and end
      // the connection when the browser's close frame comes, before Vert.x queues its answer.
      channel.writeAndFlush(new CloseWebSocketFrame(status, reason), quiet);
      channel.pipeline().addBefore(channel.name(), null, new EndOnClose());
    } else {
      ws.close((short) status, reason);
    }
  }

  /**
   * Gamebus stops: a browser with a backlog is cut at once, not in the closing timeout, since the
   * server's own close frame would then wait in Vert.x's queue behind it (and Vert.x logs a
   * warning when that queue is dropped with the connection).
   */
  @Override
  void stop(String reason) {
    close(1001, reason);
    if (!isClosed() && !channel.channel().isWritable()) {
      channel.close();
    }
  }

  /**
   * In front of Vert.x once our own close frame is written: frames from the browser are dropped,
   * and its close frame (both sides have sent theirs) ends the connection below Vert.x.
   */
  private static final class EndOnClose extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      boolean close = msg instanceof CloseWebSocketFrame;
      ReferenceCountUtil.release(msg);
      if (close) {
        ctx.close();
      }
    }
  }
}
