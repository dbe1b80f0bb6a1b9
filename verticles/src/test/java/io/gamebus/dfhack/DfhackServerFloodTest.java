package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.Handshake;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.proto.CoreBindReply;
import io.gamebus.endpoint.EndpointMetrics;
import io.gamebus.endpoint.Limits;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.DfhackRawClient;
import io.gamebus.support.Flooder;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A DFHack client that pipelines GetVersion calls as fast as it can and never reads its answers:
 * gamebus stops reading from it once its answers are queued up to maxPendingWriteBytes, holds at
 * most the documented bytes for it, answers other clients meanwhile, and cuts it off as a slow
 * consumer after slowConsumerSeconds (it is stalled: it can no longer send).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DfhackServerFloodTest {

  private static final int MAX_PENDING = 64 * 1024;

  GamebusNode node;
  Flooder flooder;

  @AfterEach
  void close() throws Exception {
    if (flooder != null) {
      flooder.close();
    }
  }

  @Test
  void aPipeliningClientThatNeverReadsIsStalledAndCutOffWhileOthersAreAnswered(Vertx vertx) throws Exception {
    JsonObject fortress = DfhackFixture.server("fortress", true).put("limits", new JsonObject()
      .put("maxPendingWriteBytes", MAX_PENDING).put("slowConsumerSeconds", 1));
    node = GamebusNode.start(vertx, TestConfigs.node(fortress)).await(10, TimeUnit.SECONDS);
    int port = DfhackFixture.port(node, "fortress");
    EndpointMetrics metrics = node.dfhackServer("fortress").bus().metrics();

    flooder = new Flooder(port);
    int getVersion = bindGetVersion(flooder);
    byte[] call = RpcEncoder.request(getVersion, Buffer.buffer()).getBytes();
    byte[] block = new byte[call.length * 4096];
    for (int i = 0; i < 4096; i++) {
      System.arraycopy(call, 0, block, i * call.length, call.length);
    }
    CompletableFuture<Void> slowConsumer = new CompletableFuture<>();
    java.util.Map<String, java.util.Set<String>> events = new java.util.HashMap<>();
    vertx.eventBus().<JsonObject>consumer("gamebus.dfhack.fortress.status", m -> {
      // Cut off, then gone from the table: both events of the same connection, in any order.
      String state = m.body().getString("state");
      if ("slow-consumer".equals(state) || "connection-closed".equals(state)) {
        events.computeIfAbsent(m.body().getString("connection"), c -> new java.util.HashSet<>()).add(state);
        if (events.get(m.body().getString("connection")).size() == 2) {
          slowConsumer.complete(null);
        }
      }
    });
    long watch = flooder.watch(vertx, metrics);
    var cutOff = flooder.flood(block, 200L * 1024 * 1024);

    DfhackRawClient other = DfhackRawClient.connect(vertx, port).await(5, TimeUnit.SECONDS);
    other.write(Handshake.request());
    other.handshake().await(5, TimeUnit.SECONDS);
    other.write(DfhackFixture.runCommand("echo", "still", "here"));
    assertEquals("still here\n", DfhackFixture.text(other.next().await(5, TimeUnit.SECONDS)));
    assertTrue(other.next().await(5, TimeUnit.SECONDS).isResult());

    slowConsumer.get(20, TimeUnit.SECONDS);
    assertTrue(!cutOff.isDone() || cutOff.getNow(false),
      "stalled, or reset once its answers were flushed: never all its bytes; sent " + flooder.sent());
    assertEquals(1, metrics.slowConsumers());
    assertEquals(1, metrics.openConnections(), "the flooder is no longer listed; the other client is");
    vertx.cancelTimer(watch);
    long bound = 2L * MAX_PENDING + 2L * Limits.BACKLOG_BYTES;
    assertTrue(flooder.maxBuffered() <= bound, "buffered " + flooder.maxBuffered() + " > " + bound);
    assertTrue(flooder.maxBuffered() > 0, "the watch saw the flood");
  }

  /** Handshake and BindMethod GetVersion on the blocking socket; returns the assigned id. */
  private static int bindGetVersion(Flooder flooder) throws Exception {
    flooder.out().write(Handshake.request().getBytes());
    flooder.out().write(DfhackFixture.bind(DfhackFixture.GET_VERSION).getBytes());
    DataInputStream in = new DataInputStream(flooder.in());
    in.readFully(new byte[12]);
    byte[] header = new byte[RpcCodes.HEADER_LENGTH];
    in.readFully(header);
    int size = ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    byte[] payload = new byte[size];
    in.readFully(payload);
    return CoreBindReply.parseFrom(payload).getAssignedId();
  }
}
