package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.codecs.dfhack.proto.CoreBindReply;
import io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest;
import io.gamebus.codecs.dfhack.proto.CoreTextNotification;
import io.gamebus.launcher.GamebusNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;

/** Configurations and byte builders for the DFHack tests. */
final class DfhackFixture {

  private DfhackFixture() {
  }

  static JsonObject server(String name, boolean exampleCommands) {
    return new JsonObject().put("protocol", "dfhack").put("name", name).put("role", "server")
      .put("listeners", new JsonArray().add(new JsonObject().put("transport", "tcp").put("host", "127.0.0.1").put("port", 0)))
      .put("options", new JsonObject().put("exampleCommands", exampleCommands)
        .put("dfhackVersion", "50.13-r5").put("dfVersion", "v0.50.13"));
  }

  static JsonObject client(String name, int port) {
    return new JsonObject().put("protocol", "dfhack").put("name", name).put("role", "client")
      .put("url", "tcp://127.0.0.1:" + port)
      .put("reconnect", new JsonObject().put("initialDelayMs", 50).put("maxDelayMs", 300));
  }

  static int port(GamebusNode node, String name) {
    return URI.create(node.dfhackServer(name).listening().get(0)).getPort();
  }

  static Buffer runCommand(String command, String... arguments) {
    return RpcEncoder.request(1, CoreRunCommandRequest.newBuilder().setCommand(command)
      .addAllArguments(java.util.List.of(arguments)).build());
  }

  static Buffer bind(io.gamebus.codecs.dfhack.MethodSignature method) {
    return RpcEncoder.request(0, method.toBindRequest());
  }

  static int boundId(RpcFrame result) throws Exception {
    return CoreBindReply.parseFrom(result.payload().getBytes()).getAssignedId();
  }

  static String text(RpcFrame textFrame) throws Exception {
    StringBuilder all = new StringBuilder();
    CoreTextNotification.parseFrom(textFrame.payload().getBytes()).getFragmentsList().forEach(f -> all.append(f.getText()));
    return all.toString();
  }

  static int color(RpcFrame textFrame) throws Exception {
    return CoreTextNotification.parseFrom(textFrame.payload().getBytes()).getFragments(0).getColor().getNumber();
  }

  static JsonObject json(RpcFrame result, String type) throws Exception {
    return DfhackTypes.toJson(type, result.payload());
  }

  static final io.gamebus.codecs.dfhack.MethodSignature GET_VERSION = CoreMethods.GET_VERSION;
}
