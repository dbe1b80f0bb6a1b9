package io.gamebus.launcher;

import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.support.FafPorts;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tap} and {@code send} against a node with a FAF server endpoint, through its browser
 * bridge, with a FAF client on the other side of the endpoint.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BusCommandLineTest {

  @TempDir
  Path dir;
  Vertx vertx;
  Tokens tokens;
  GamebusNode node;
  String url;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    tokens = new Tokens(vertx, dir);
    node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile())))
      .await(10, TimeUnit.SECONDS);
    url = "http://127.0.0.1:" + node.console().actualPort() + "/eventbus";
  }

  @AfterEach
  void stop() throws Exception {
    node.stop().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** What a command printed, line by line, to be waited for. */
  static final class Lines extends PrintStream {
    final BlockingQueue<String> lines;

    Lines() {
      this(new LinkedBlockingQueue<>());
    }

    private Lines(BlockingQueue<String> lines) {
      super(new LineSplitter(lines), true, StandardCharsets.UTF_8);
      this.lines = lines;
    }

    String next() throws InterruptedException {
      String line = lines.poll(20, TimeUnit.SECONDS);
      assertNotNull(line, "no line within 20 s");
      return line;
    }
  }

  private static final class LineSplitter extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final BlockingQueue<String> lines;

    LineSplitter(BlockingQueue<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }
  }

  private static CompletableFuture<Integer> inBackground(java.util.function.IntSupplier command) {
    return CompletableFuture.supplyAsync(command::getAsInt);
  }

  @Test
  void tapPrintsTheEnvelopeThatAFafClientCaused() throws Exception {
    Lines out = new Lines();
    Lines err = new Lines();
    CompletableFuture<Integer> tap = inBackground(() ->
      TapCommand.run(new String[] {"gamebus.faf.*.in", "--url", url, "--count", "1"}, out, err));
    String ready = err.next();
    assertTrue(ready.startsWith("gamebus tap: listening on 1 address(es)"), ready);
    FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(10, TimeUnit.SECONDS)
      .send(FafMessage.command("ask_session").with("version", "1").with("user_agent", "cli-test"));
    JsonObject line = new JsonObject(out.next());
    assertEquals("gamebus.faf.lobby.in", line.getString("address"));
    assertEquals("ask_session", line.getJsonObject("body").getString("type"));
    assertEquals("faf", line.getJsonObject("body").getString("protocol"));
    assertEquals(0, tap.get(20, TimeUnit.SECONDS));
  }

  @Test
  void tapFollowsATypePatternThroughTheEndpointsInChannel() throws Exception {
    Lines out = new Lines();
    Lines err = new Lines();
    CompletableFuture<Integer> tap = inBackground(() ->
      TapCommand.run(new String[] {"gamebus.faf.lobby.in.ping", "--url", url, "--count", "1"}, out, err));
    err.next();
    FafTestClient client = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(10, TimeUnit.SECONDS);
    client.send(FafMessage.command("ask_session").with("version", "1").with("user_agent", "cli-test"));
    client.send(FafMessage.command("ping"));
    JsonObject line = new JsonObject(out.next());
    assertEquals("gamebus.faf.lobby.in.ping", line.getString("address"), "the exact address, registered as it is");
    assertEquals("ping", line.getJsonObject("body").getString("type"));
    assertEquals(0, tap.get(20, TimeUnit.SECONDS));
  }

  @Test
  void sendToOutWithAConnectionHeaderReachesTheFafClientAndPrintsTheAck() throws Exception {
    FafTestClient client = FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp")).await(10, TimeUnit.SECONDS);
    CompletableFuture<String> connection = new CompletableFuture<>();
    vertx.eventBus().<io.gamebus.bus.Envelope>consumer("gamebus.faf.lobby.in", m -> connection.complete(
      m.body().connection()));
    client.send(FafMessage.command("auth").with("unique_id", "uid").with("token", tokens.lobby(42, "alice")));
    client.next("game_info").await(10, TimeUnit.SECONDS);
    Lines out = new Lines();
    Lines err = new Lines();
    int code = SendCommand.run(new String[] {"gamebus.faf.lobby.out",
      "{\"command\":\"notice\",\"style\":\"info\",\"text\":\"from the command line\"}",
      "--header", "connection=" + connection.get(10, TimeUnit.SECONDS), "--url", url}, out, err);
    assertEquals(0, code, () -> String.join("\n", err.lines));
    JsonObject ack = new JsonObject(out.next());
    assertEquals(1, ack.getInteger("written"), ack.encode());
    FafMessage notice = client.next("notice").await(10, TimeUnit.SECONDS);
    assertEquals("from the command line", notice.getString("text"));
  }

  @Test
  void aFailedReplyPrintsItsCodeAndExitsOne() throws Exception {
    Lines out = new Lines();
    Lines err = new Lines();
    int code = SendCommand.run(new String[] {"gamebus.faf.lobby.out", "{\"command\":\"notice\",\"text\":\"x\"}",
      "--header", "connection=n-nobody", "--url", url}, out, err);
    assertEquals(1, code);
    String line = err.next();
    assertTrue(line.startsWith("gamebus send: failed: "), line);
    assertTrue(line.contains("n-nobody"), "names the unknown connection: " + line);
  }

  @Test
  void aRefusedAddressPrintsTheBridgesReasonAndExitsOne() throws Exception {
    Lines out = new Lines();
    Lines err = new Lines();
    assertEquals(1, SendCommand.run(new String[] {"gamebus.endpoints", "{}", "--url", url}, out, err));
    String line = err.next();
    assertTrue(line.contains("403 ACCESS_DENIED") && line.contains("gamebus.endpoints"), line);
    Lines tapErr = new Lines();
    assertEquals(1, TapCommand.run(new String[] {"gamebus.faf.lobby.out", "--url", url}, new Lines(), tapErr));
    assertTrue(String.join("\n", tapErr.lines).contains("refused gamebus.faf.lobby.out"), String.join("\n", tapErr.lines));
  }

  @Test
  void aPatternThatReachesNoEndpointSaysSo() {
    Lines err = new Lines();
    assertEquals(1, TapCommand.run(new String[] {"gamebus.dfhack.*.in", "--url", url}, new Lines(), err));
    assertTrue(String.join("\n", err.lines).contains("reaches no address"), String.join("\n", err.lines));
  }

  @Test
  void aBadCommandLineExitsTwo() {
    assertEquals(2, SendCommand.run(new String[] {"gamebus.faf.lobby.out", "{not json"}, new Lines(), new Lines()));
    assertEquals(2, SendCommand.run(new String[] {"gamebus.faf.lobby.out"}, new Lines(), new Lines()));
    assertEquals(2, TapCommand.run(new String[] {"--url", "ftp://x/"}, new Lines(), new Lines()));
    assertEquals(2, SendCommand.run(new String[] {"a", "{}", "--header", "novalue"}, new Lines(), new Lines()));
  }
}
