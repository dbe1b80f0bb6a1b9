package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.Handshake;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.codecs.dfhack.TextColor;
import io.gamebus.codecs.dfhack.proto.IntMessage;
import io.gamebus.codecs.dfhack.proto.StringMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.DfhackRawClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server role driven by a raw TCP client with exact bytes: what dfhack.md §4–§11 say the
 * real server answers, including to a hostile client. Blocking style on the test thread keeps
 * the byte-level conversations readable.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DfhackServerWireTest {

  GamebusNode node;
  int port;
  Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    node = GamebusNode.start(vertx, TestConfigs.node(DfhackFixture.server("fortress", true))).await(10, TimeUnit.SECONDS);
    port = DfhackFixture.port(node, "fortress");
  }

  private DfhackRawClient connected() throws Exception {
    DfhackRawClient client = DfhackRawClient.connect(vertx, port).await(5, TimeUnit.SECONDS);
    client.write(Handshake.request());
    assertEquals(1, client.handshake().await(5, TimeUnit.SECONDS));
    return client;
  }

  private static RpcFrame next(DfhackRawClient client) throws Exception {
    return client.next().await(5, TimeUnit.SECONDS);
  }

  @Test
  void handshakeReplyIsTheExactTwelveBytes() throws Exception {
    DfhackRawClient client = DfhackRawClient.connect(vertx, port).await(5, TimeUnit.SECONDS);
    client.write(Buffer.buffer(new byte[] {'D', 'F', 'H', 'a', 'c', 'k', '?', '\n', 7, 0, 0, 0})); // any version 1..255
    client.handshake().await(5, TimeUnit.SECONDS);
    assertArrayEquals(new byte[] {'D', 'F', 'H', 'a', 'c', 'k', '!', '\n', 1, 0, 0, 0}, client.received().getBytes());
  }

  @Test
  void badHandshakeIsClosedWithoutAWordAndOthersCarryOn() throws Exception {
    DfhackRawClient good = connected();
    DfhackRawClient bad = DfhackRawClient.connect(vertx, port).await(5, TimeUnit.SECONDS);
    bad.write(Buffer.buffer("HELLO?\n\u0000\u0001\u0000\u0000\u0000"));
    bad.closed().await(5, TimeUnit.SECONDS);
    assertEquals(0, bad.received().length());
    good.write(DfhackFixture.runCommand("echo", "still", "here"));
    assertEquals("still here\n", DfhackFixture.text(next(good)));
    assertTrue(next(good).isResult());
  }

  @Test
  void runCommandAnsweredByABusHandlerIsTextThenAnEmptyResult() throws Exception {
    DfhackRawClient client = connected();
    client.write(DfhackFixture.runCommand("echo", "hello", "world"));
    RpcFrame text = next(client);
    assertTrue(text.isText());
    assertEquals("hello world\n", DfhackFixture.text(text));
    RpcFrame result = next(client);
    assertTrue(result.isResult());
    assertEquals(0, result.size(), "RESULT of RunCommand is an EmptyMessage");
  }

  @Test
  void unknownCommandGetsTheRealServersAnswer() throws Exception {
    DfhackRawClient client = connected();
    client.write(DfhackFixture.runCommand("ls"));
    RpcFrame text = next(client);
    assertEquals("ls is not a recognized command.\n", DfhackFixture.text(text));
    assertEquals(TextColor.LIGHTRED, DfhackFixture.color(text));
    RpcFrame fail = next(client);
    assertTrue(fail.isFail());
    assertEquals(-1, fail.failCode(), "CR_NOT_IMPLEMENTED");
  }

  @Test
  void commandFailingWithItsOwnResultIsTextThenFail() throws Exception {
    DfhackRawClient client = connected();
    client.write(DfhackFixture.runCommand("echo"));
    assertEquals("usage: echo ARGS...\n", DfhackFixture.text(next(client)));
    assertEquals(2, next(client).failCode(), "CR_WRONG_USAGE");
  }

  @Test
  void unknownIdIsTextAndFailOneAndTheConnectionStays() throws Exception {
    DfhackRawClient client = connected();
    client.write(RpcEncoder.request(99, Buffer.buffer(new byte[] {1, 2, 3})));
    assertEquals("RPC call of invalid id 99\n", DfhackFixture.text(next(client)));
    assertEquals(1, next(client).failCode());
    client.write(DfhackFixture.runCommand("echo", "ok"));
    assertEquals("ok\n", DfhackFixture.text(next(client)));
  }

  @Test
  void undecodableInputIsTextAndFailOne() throws Exception {
    DfhackRawClient client = connected();
    client.write(RpcEncoder.request(1, Buffer.buffer())); // CoreRunCommandRequest without its required command
    assertEquals("In call to RunCommand: could not decode input args.\n", DfhackFixture.text(next(client)));
    assertEquals(1, next(client).failCode());
    assertFalse(client.isClosed());
  }

  @Test
  void negativeOrOversizeSizeClosesWithoutReply() throws Exception {
    for (int size : new int[] {-5, 64 * 1024 * 1024 + 1}) {
      DfhackRawClient client = connected();
      int before = client.received().length();
      client.write(Buffer.buffer().appendShortLE((short) 1).appendShort((short) 0).appendIntLE(size));
      client.closed().await(5, TimeUnit.SECONDS);
      assertEquals(before, client.received().length(), "no reply for size " + size);
    }
  }

  @Test
  void quitClosesTheConnection() throws Exception {
    DfhackRawClient client = connected();
    client.write(RpcEncoder.quit());
    client.closed().await(5, TimeUnit.SECONDS);
  }

  @Test
  void pipelinedCallsAreAnsweredInOrder() throws Exception {
    DfhackRawClient client = connected();
    // Bind GetVersion, call it at the id the real core table gives it (5), and a command: one write.
    client.write(DfhackFixture.bind(CoreMethods.GET_VERSION)
      .appendBuffer(RpcEncoder.request(5, Buffer.buffer()))
      .appendBuffer(DfhackFixture.runCommand("echo", "third")));
    assertEquals(5, DfhackFixture.boundId(next(client)));
    assertEquals("50.13-r5", StringMessage.parseFrom(next(client).payload().getBytes()).getValue());
    assertEquals("third\n", DfhackFixture.text(next(client)));
    assertTrue(next(client).isResult());
  }

  @Test
  void aLongPipelineBehindAHandlerCallIsAnsweredInOrderWithoutDeepeningTheStack() throws Exception {
    DfhackRawClient client = connected();
    Buffer pipeline = DfhackFixture.runCommand("echo", "first");
    for (int i = 0; i < 20_000; i++) {
      pipeline.appendBuffer(RpcEncoder.request(99, Buffer.buffer())); // answered at once, one after another
    }
    client.write(pipeline.appendBuffer(DfhackFixture.runCommand("echo", "last")));
    assertEquals("first\n", DfhackFixture.text(next(client)));
    assertTrue(next(client).isResult());
    for (int i = 0; i < 20_000; i++) {
      assertTrue(next(client).isText());
      assertEquals(1, next(client).failCode());
    }
    assertEquals("last\n", DfhackFixture.text(next(client)));
    assertTrue(next(client).isResult());
  }

  @Test
  void callsBeforeABadSizeAreAnsweredThenTheConnectionCloses() throws Exception {
    DfhackRawClient client = connected();
    client.write(DfhackFixture.runCommand("echo", "before")
      .appendBuffer(Buffer.buffer().appendShortLE((short) 1).appendShort((short) 0).appendIntLE(-1)));
    assertEquals("before\n", DfhackFixture.text(next(client)));
    assertTrue(next(client).isResult());
    client.closed().await(5, TimeUnit.SECONDS);
  }

  @Test
  void aReplyLargerThanTheSlowConsumerMarginIsDeliveredWhole() throws Exception {
    io.vertx.core.json.JsonArray units = new io.vertx.core.json.JsonArray();
    for (int i = 0; i < 40_000; i++) {
      units.add(new io.vertx.core.json.JsonObject().put("unit_id", i).put("pos_x", i).put("pos_y", i).put("pos_z", 1)
        .put("flags1", 0).put("flags2", 0).put("flags3", 0).put("race", 1).put("caste", 0));
    }
    DfhackHandlers.method(vertx, "fortress", CoreMethods.LIST_UNITS, call -> io.vertx.core.Future.succeededFuture(
      DfhackReply.ok().output(new io.vertx.core.json.JsonObject().put("value", units)))).await(5, TimeUnit.SECONDS);
    DfhackRawClient client = connected();
    client.write(DfhackFixture.bind(CoreMethods.LIST_UNITS));
    int id = DfhackFixture.boundId(next(client));
    client.write(RpcEncoder.request(id, io.gamebus.codecs.dfhack.proto.ListUnitsIn.getDefaultInstance()));
    RpcFrame result = next(client);
    assertTrue(result.size() > 1024 * 1024, "more than the 1 MiB maxPendingWriteBytes: " + result.size());
    assertEquals(40_000, io.gamebus.codecs.dfhack.proto.ListUnitsOut.parseFrom(result.payload().getBytes()).getValueCount());
    assertFalse(client.isClosed());
  }

  @Test
  void handlersThatThrowOrPrintInTheDefaultColourStillGetAnAnswer() throws Exception {
    DfhackHandlers.command(vertx, "fortress", "boom", call -> {
      throw new IllegalStateException("the handler broke");
    });
    DfhackHandlers.command(vertx, "fortress", "plain", call -> io.vertx.core.Future.succeededFuture(
      DfhackReply.ok().print("default colour\n", TextColor.RESET)));
    DfhackRawClient client = connected();
    client.write(DfhackFixture.runCommand("boom").appendBuffer(DfhackFixture.runCommand("plain")));
    assertEquals("the handler broke\n", DfhackFixture.text(next(client)));
    assertEquals(1, next(client).failCode());
    assertEquals("default colour\n", DfhackFixture.text(next(client)));
    assertTrue(next(client).isResult());
  }

  @Test
  void bindingTwiceGivesTheSameIdAndWrongTypesAreRefused() throws Exception {
    DfhackRawClient client = connected();
    client.write(DfhackFixture.bind(CoreMethods.GET_DF_VERSION));
    int first = DfhackFixture.boundId(next(client));
    client.write(DfhackFixture.bind(CoreMethods.GET_DF_VERSION));
    assertEquals(first, DfhackFixture.boundId(next(client)));
    client.write(DfhackFixture.bind(MethodSignature.core("GetDFVersion", "dfproto.EmptyMessage", "dfproto.IntMessage")));
    assertEquals("Requested wrong signature for RPC method: ::GetDFVersion\n", DfhackFixture.text(next(client)));
    assertEquals(1, next(client).failCode());
    client.write(DfhackFixture.bind(MethodSignature.core("NoSuchMethod", "dfproto.EmptyMessage", "dfproto.EmptyMessage")));
    assertEquals("RPC method not found: ::NoSuchMethod\n", DfhackFixture.text(next(client)));
    assertEquals(1, next(client).failCode());
  }

  @Test
  void coreMethodsAlwaysBindAndAreAnsweredOnceAHandlerExists() throws Exception {
    DfhackRawClient client = connected();
    client.write(DfhackFixture.bind(CoreMethods.LIST_UNITS));
    assertEquals(11, DfhackFixture.boundId(next(client)), "core methods bind as on the real server");
    client.write(RpcEncoder.request(11, io.gamebus.codecs.dfhack.proto.ListUnitsIn.getDefaultInstance()));
    RpcFrame text = next(client);
    assertEquals("In call to ListUnits: no bus handler implements it\n", DfhackFixture.text(text));
    assertEquals(TextColor.LIGHTRED, DfhackFixture.color(text));
    assertEquals(-1, next(client).failCode(), "CR_NOT_IMPLEMENTED");
    DfhackHandlers.method(vertx, "fortress", CoreMethods.LIST_UNITS, call -> io.vertx.core.Future.succeededFuture(
      DfhackReply.ok().output(new io.vertx.core.json.JsonObject().put("value", new io.vertx.core.json.JsonArray()
        .add(new io.vertx.core.json.JsonObject().put("unit_id", 7).put("pos_x", 1).put("pos_y", 2).put("pos_z", 3)
          .put("flags1", 0).put("flags2", 0).put("flags3", 0).put("race", 1).put("caste", 0)))))).await(5, TimeUnit.SECONDS);
    client.write(DfhackFixture.bind(CoreMethods.LIST_UNITS));
    int id = DfhackFixture.boundId(next(client));
    assertEquals(11, id, "the real core table's id");
    client.write(RpcEncoder.request(id, io.gamebus.codecs.dfhack.proto.ListUnitsIn.getDefaultInstance()));
    assertEquals(7, io.gamebus.codecs.dfhack.proto.ListUnitsOut.parseFrom(next(client).payload().getBytes()).getValue(0).getUnitId());
  }

  @Test
  void pluginWithoutHandlersIsNoSuchPlugin() throws Exception {
    DfhackRawClient client = connected();
    client.write(DfhackFixture.bind(CoreMethods.RFR_GET_PAUSE_STATE));
    assertEquals("No such plugin: RemoteFortressReader\nRPC method not found: RemoteFortressReader::GetPauseState\n",
      DfhackFixture.text(next(client)));
    assertEquals(1, next(client).failCode());
  }

  @Test
  void suspendDepthIsPerConnectionAndResumeAtZeroIsWrongUsage() throws Exception {
    DfhackRawClient client = connected();
    client.write(DfhackFixture.bind(CoreMethods.CORE_SUSPEND).appendBuffer(DfhackFixture.bind(CoreMethods.CORE_RESUME)));
    int suspend = DfhackFixture.boundId(next(client));
    int resume = DfhackFixture.boundId(next(client));
    client.write(RpcEncoder.request(suspend, Buffer.buffer()).appendBuffer(RpcEncoder.request(suspend, Buffer.buffer())));
    assertEquals(1, IntMessage.parseFrom(next(client).payload().getBytes()).getValue());
    assertEquals(2, IntMessage.parseFrom(next(client).payload().getBytes()).getValue());
    DfhackRawClient other = connected();
    other.write(RpcEncoder.request(resume, Buffer.buffer()));
    assertEquals(2, next(other).failCode(), "another connection has depth 0");
    client.write(RpcEncoder.request(resume, Buffer.buffer()));
    assertEquals(1, IntMessage.parseFrom(next(client).payload().getBytes()).getValue());
  }

  @Test
  void everyCallIsPublishedWithItsDecodedInput() throws Exception {
    Future<io.gamebus.bus.Envelope> published = Future.future(p ->
      io.gamebus.bus.Gamebus.of(vertx).subscribe("dfhack", "fortress", "RunCommand", p::tryComplete));
    DfhackRawClient client = connected();
    client.write(DfhackFixture.runCommand("echo", "a", "b"));
    io.gamebus.bus.Envelope envelope = published.await(5, TimeUnit.SECONDS);
    assertEquals("echo", envelope.body().getJsonObject("input").getString("command"));
    assertEquals(new io.vertx.core.json.JsonArray().add("a").add("b"), envelope.body().getJsonObject("input").getJsonArray("arguments"));
  }

  /** Registers the command {@code inspect}; completes with the first call's body as its handler saw it. */
  private Future<io.vertx.core.json.JsonObject> inspected() throws Exception {
    io.vertx.core.Promise<io.vertx.core.json.JsonObject> seen = io.vertx.core.Promise.promise();
    DfhackHandlers.command(vertx, "fortress", "inspect", call -> {
      seen.tryComplete(call);
      return Future.succeededFuture(DfhackReply.ok());
    }).await(5, TimeUnit.SECONDS);
    return seen.future();
  }

  private static Buffer runCommandBytes(String command, byte[]... arguments) {
    io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest.Builder request =
      io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest.newBuilder().setCommand(command);
    for (byte[] argument : arguments) {
      request.addArgumentsBytes(com.google.protobuf.ByteString.copyFrom(argument));
    }
    return RpcEncoder.request(1, request.build());
  }

  @Test
  void argumentBytesThatAreNotUtf8ReachTheHandlerAndComeBackExactly() throws Exception {
    Future<io.vertx.core.json.JsonObject> seen = inspected();
    DfhackRawClient client = connected();
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9}; // "café" in Latin-1: not UTF-8
    client.write(runCommandBytes("inspect", latin1, "ok".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    io.vertx.core.json.JsonObject call = seen.await(5, TimeUnit.SECONDS);
    assertEquals("caf\uFFFD", call.getJsonArray("arguments").getString(0), "the lenient string stays");
    assertEquals(new io.vertx.core.json.JsonArray().add("Y2Fm6Q==").add("b2s="), call.getJsonArray("argumentsBytes"),
      "every argument's exact bytes, base64");
    assertFalse(call.containsKey("commandBytes"), "the command is valid UTF-8");
    assertTrue(next(client).isResult());

    // The example echo prints the exact bytes back: TEXT {fragments [{text: 63 61 66 E9 20 6F 6B 0A}]}.
    client.write(runCommandBytes("echo", latin1, "ok".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    RpcFrame text = next(client);
    assertArrayEquals(new byte[] {0x0A, 0x0A, 0x0A, 0x08, 'c', 'a', 'f', (byte) 0xE9, ' ', 'o', 'k', '\n'},
      text.payload().getBytes());
    assertTrue(next(client).isResult());
  }

  @Test
  void utf8ArgumentsReachTheHandlerAsBefore() throws Exception {
    Future<io.vertx.core.json.JsonObject> seen = inspected();
    DfhackRawClient client = connected();
    client.write(DfhackFixture.runCommand("inspect", "caf\u00e9", "\uFFFD"));
    io.vertx.core.json.JsonObject call = seen.await(5, TimeUnit.SECONDS);
    assertEquals(new io.vertx.core.json.JsonArray().add("caf\u00e9").add("\uFFFD"), call.getJsonArray("arguments"));
    assertFalse(call.containsKey("argumentsBytes"), "a real U+FFFD is valid UTF-8: no companion");
  }

  @Test
  void stringFieldsOfMethodInputsCarryTheirBytes() throws Exception {
    Future<io.vertx.core.json.JsonObject> seen = Future.future(p -> DfhackHandlers.method(vertx, "fortress", CoreMethods.RUN_LUA,
      call -> {
        p.tryComplete(call.getJsonObject("input"));
        return Future.succeededFuture(DfhackReply.ok().output(new io.vertx.core.json.JsonObject()));
      }).await());
    DfhackRawClient client = connected();
    client.write(DfhackFixture.bind(CoreMethods.RUN_LUA));
    int id = DfhackFixture.boundId(next(client));
    client.write(RpcEncoder.request(id, io.gamebus.codecs.dfhack.proto.CoreRunLuaRequest.newBuilder()
      .setModule("rpc.x").setFunctionBytes(com.google.protobuf.ByteString.copyFrom(new byte[] {(byte) 0x80}))
      .addArguments("1").build()));
    io.vertx.core.json.JsonObject input = seen.await(5, TimeUnit.SECONDS);
    assertEquals("gA==", input.getString("functionBytes"));
    assertFalse(input.containsKey("moduleBytes"));
    assertFalse(input.containsKey("argumentsBytes"));
    assertTrue(next(client).isResult());
  }

  @Test
  void aHandlerRefusingWithItsOwnCodeIsItsTextThenThatFail() throws Exception {
    DfhackHandlers.command(vertx, "fortress", "world", call -> Future.failedFuture(
      new io.vertx.core.eventbus.ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, 3, "no world loaded")))
      .await(5, TimeUnit.SECONDS);
    DfhackRawClient client = connected();
    client.write(DfhackFixture.runCommand("world"));
    RpcFrame text = next(client);
    assertEquals("no world loaded\n", DfhackFixture.text(text));
    assertEquals(TextColor.LIGHTRED, DfhackFixture.color(text));
    assertEquals(3, next(client).failCode(), "CR_NOT_FOUND, the handler's own code");
  }
}
