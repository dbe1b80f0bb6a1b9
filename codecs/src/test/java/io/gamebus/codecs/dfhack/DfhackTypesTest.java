package io.gamebus.codecs.dfhack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import io.gamebus.codecs.dfhack.DfhackCodecException.Reason;
import io.gamebus.codecs.dfhack.proto.BasicMaterialInfo;
import io.gamebus.codecs.dfhack.proto.BasicUnitInfo;
import io.gamebus.codecs.dfhack.proto.CoreBindRequest;
import io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest;
import io.gamebus.codecs.dfhack.proto.CoreTextFragment;
import io.gamebus.codecs.dfhack.proto.CoreTextNotification;
import io.gamebus.codecs.dfhack.proto.GetWorldInfoOut;
import io.gamebus.codecs.dfhack.proto.ListUnitsOut;
import io.gamebus.codecs.dfhack.proto.StringMessage;
import io.gamebus.codecs.dfhack.proto.rfr.SingleBool;
import io.gamebus.codecs.dfhack.proto.rfr.VersionInfo;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payloads: type names, decoding, the JSON form, required fields and unknown types. */
class DfhackTypesTest {

  @Test
  void everyMethodTypeIsKnown() {
    for (MethodSignature m : CoreMethods.all()) {
      assertTrue(DfhackTypes.known(m.inputType()), m.inputType());
      assertTrue(DfhackTypes.known(m.outputType()), m.outputType());
    }
    for (MethodSignature m : List.of(CoreMethods.RFR_GET_VERSION_INFO, CoreMethods.RFR_GET_PAUSE_STATE,
        CoreMethods.RFR_SET_PAUSE_STATE)) {
      assertTrue(DfhackTypes.known(m.inputType()) && DfhackTypes.known(m.outputType()), m.toString());
    }
    assertTrue(DfhackTypes.known("dfproto.CoreTextNotification"));
    assertTrue(DfhackTypes.known("dfproto.BasicMaterialInfo.Product"));
    assertFalse(DfhackTypes.known("EmptyMessage"));
  }

  @Test
  void bindRequestJsonRoundTrip() throws Exception {
    CoreBindRequest m = CoreMethods.RFR_GET_PAUSE_STATE.toBindRequest();
    JsonObject json = DfhackTypes.toJson(m);
    assertEquals(new JsonObject().put("method", "GetPauseState").put("input_msg", "dfproto.EmptyMessage")
        .put("output_msg", "RemoteFortressReader.SingleBool").put("plugin", "RemoteFortressReader"), json);
    assertEquals(m, DfhackTypes.fromJson("dfproto.CoreBindRequest", json));
  }

  @Test
  void runCommandJsonRoundTrip() throws Exception {
    CoreRunCommandRequest m = CoreRunCommandRequest.newBuilder().setCommand("echo").addArguments("a b").addArguments("ü").build();
    JsonObject json = DfhackTypes.toJson(m);
    assertEquals(new JsonObject().put("command", "echo").put("arguments", new JsonArray().add("a b").add("ü")), json);
    assertEquals(m, DfhackTypes.fromJson("dfproto.CoreRunCommandRequest", json));
  }

  @Test
  void listUnitsJsonRoundTrip() throws Exception {
    ListUnitsOut m = DfhackFixtures.listUnits(3);
    JsonObject json = DfhackTypes.toJson("dfproto.ListUnitsOut", Buffer.buffer(m.toByteArray()));
    JsonObject unit = json.getJsonArray("value").getJsonObject(0);
    assertEquals(10_000, unit.getInteger("unit_id"));
    assertTrue(unit.containsKey("misc_traits"));
    assertTrue(unit.getJsonObject("name").containsKey("first_name"));
    assertEquals(m, DfhackTypes.fromJson("dfproto.ListUnitsOut", json));
  }

  @Test
  void unsetFieldsAndProto2DefaultsAreLeftOut() {
    BasicUnitInfo u = BasicUnitInfo.newBuilder().setUnitId(1).setPosX(1).setPosY(2).setPosZ(3)
        .setFlags1(0x80000000).setFlags2(0).setFlags3(0).setRace(572).setCaste(0).build();
    JsonObject json = DfhackTypes.toJson(u);
    assertFalse(json.containsKey("gender")); // [default = -1], not set
    assertFalse(json.containsKey("labors"));
    assertEquals(2147483648L, json.getLong("flags1")); // fixed32 as unsigned
  }

  @Test
  void versionInfoJsonRoundTrip() throws Exception {
    VersionInfo m = VersionInfo.newBuilder().setDwarfFortressVersion("0.47.05").setDfhackVersion("0.47.05-r8")
        .setRemoteFortressReaderVersion("0.25.0").build();
    JsonObject json = DfhackTypes.toJson(m);
    assertEquals("0.47.05-r8", json.getString("dfhack_version"));
    assertEquals("0.25.0", json.getString("remote_fortress_reader_version"));
    assertEquals(m, DfhackTypes.fromJson("RemoteFortressReader.VersionInfo", json));
  }

  @Test
  void singleBoolJsonRoundTripKeepsCapitalName() throws Exception {
    SingleBool m = SingleBool.newBuilder().setValue(true).build();
    JsonObject json = DfhackTypes.toJson(m);
    assertEquals(new JsonObject().put("Value", true), json);
    assertEquals(m, DfhackTypes.fromJson("RemoteFortressReader.SingleBool", json));
    assertEquals(new JsonObject(), DfhackTypes.toJson(SingleBool.getDefaultInstance()));
  }

  @Test
  void enumsAreNames() throws Exception {
    CoreTextNotification text = CoreTextNotification.newBuilder()
        .addFragments(CoreTextFragment.newBuilder().setText("x").setColor(CoreTextFragment.Color.COLOR_LIGHTRED)).build();
    assertEquals("COLOR_LIGHTRED", DfhackTypes.toJson(text).getJsonArray("fragments").getJsonObject(0).getString("color"));
    GetWorldInfoOut world = GetWorldInfoOut.newBuilder().setMode(GetWorldInfoOut.Mode.MODE_DWARF).setSaveDir("region1").build();
    assertEquals("MODE_DWARF", DfhackTypes.toJson(world).getString("mode"));
    assertEquals(world, DfhackTypes.fromJson("dfproto.GetWorldInfoOut", DfhackTypes.toJson(world)));
  }

  @Test
  void lowerCamelNamesAreAcceptedOnInput() throws Exception {
    Message m = DfhackTypes.fromJson("dfproto.CoreBindRequest",
        new JsonObject().put("method", "GetVersion").put("inputMsg", "dfproto.EmptyMessage").put("outputMsg", "dfproto.StringMessage"));
    assertEquals(CoreMethods.GET_VERSION.toBindRequest(), m);
  }

  @Test
  void missingRequiredFieldFromBytesIsUndecodable() {
    byte[] partial = CoreBindRequest.newBuilder().setMethod("GetVersion").setInputMsg("dfproto.EmptyMessage")
        .buildPartial().toByteArray();
    DfhackCodecException e = assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.parse("dfproto.CoreBindRequest", Buffer.buffer(partial)));
    assertEquals(Reason.UNDECODABLE, e.reason());
    assertTrue(e.getMessage().contains("output_msg"), e.getMessage());
  }

  @Test
  void missingNestedRequiredFieldFromBytesIsUndecodable() {
    ListUnitsOut partial = ListUnitsOut.newBuilder().addValue(BasicUnitInfo.newBuilder().setUnitId(1).buildPartial()).buildPartial();
    DfhackCodecException e = assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.parse("dfproto.ListUnitsOut", Buffer.buffer(partial.toByteArray())));
    assertEquals(Reason.UNDECODABLE, e.reason());
    assertTrue(e.getMessage().contains("pos_x"), e.getMessage());
  }

  @Test
  void emptyPayloadOfARequiredTypeIsUndecodable() {
    assertEquals(Reason.UNDECODABLE, assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.parse("dfproto.IntMessage", Buffer.buffer())).reason());
  }

  @Test
  void missingRequiredFieldFromJsonIsUndecodable() {
    DfhackCodecException e = assertThrows(DfhackCodecException.class, () -> DfhackTypes.fromJson(
        "dfproto.CoreBindRequest", new JsonObject().put("method", "GetVersion").put("input_msg", "dfproto.EmptyMessage")));
    assertEquals(Reason.UNDECODABLE, e.reason());
    assertTrue(e.getMessage().contains("output_msg"), e.getMessage());
  }

  @Test
  void unknownJsonFieldIsUndecodableAndNamed() {
    DfhackCodecException e = assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.fromJson("dfproto.CoreRunCommandRequest", new JsonObject().put("command", "ls").put("args", "x")));
    assertEquals(Reason.UNDECODABLE, e.reason());
    assertTrue(e.getMessage().contains("args"), e.getMessage());
  }

  @Test
  void wrongJsonTypeIsUndecodable() {
    assertEquals(Reason.UNDECODABLE, assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.fromJson("dfproto.IntMessage", new JsonObject().put("value", "seven"))).reason());
  }

  @Test
  void garbageBytesAreUndecodable() {
    assertEquals(Reason.UNDECODABLE, assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.parse("dfproto.StringMessage", DfhackFixtures.hex("0A 05 61"))).reason());
    assertEquals(Reason.UNDECODABLE, assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.toJson("dfproto.StringMessage", DfhackFixtures.hex("FF FF FF FF FF FF FF FF FF FF FF"))).reason());
  }

  @Test
  void stringsAreDecodedLeniently() throws Exception {
    // The server does not validate UTF-8 (CP437 text from the game is common).
    StringMessage m = (StringMessage) DfhackTypes.parse("dfproto.StringMessage", DfhackFixtures.hex("0A 03 61 FF 62"));
    assertEquals(3, m.getValueBytes().size());
    assertEquals("a\uFFFDb", m.getValue());
  }

  @Test
  void unknownTypePassesAsBase64Bytes() throws Exception {
    Buffer payload = DfhackFixtures.hex("08 96 01");
    JsonObject json = DfhackTypes.toJson("RemoteFortressReader.BlockList", payload);
    assertEquals(new JsonObject().put("bytes", "CJYB"), json);
    assertEquals(payload, DfhackTypes.payloadFromJson("RemoteFortressReader.BlockList", json));
  }

  @Test
  void unknownTypeCannotBeParsed() {
    assertEquals(Reason.UNKNOWN_TYPE, assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.parse("dfproto.Nope", Buffer.buffer())).reason());
    assertEquals(Reason.UNKNOWN_TYPE, assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.fromJson("dfproto.Nope", new JsonObject())).reason());
    assertEquals(Reason.UNKNOWN_TYPE, assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.payloadFromJson("dfproto.Nope", new JsonObject().put("x", 1))).reason());
  }

  @Test
  void payloadFromJsonEncodesKnownTypes() throws Exception {
    Buffer b = DfhackTypes.payloadFromJson("dfproto.CoreRunCommandRequest", new JsonObject().put("command", "ls"));
    assertEquals("0A 02 6C 73", DfhackFixtures.hex(b));
  }

  @Test
  void textFragmentWithoutColourHasNoColourInJson() throws Exception {
    CoreTextNotification text = CoreTextNotification.parseFrom(
        RpcEncoder.text("hi", null).getBytes(RpcCodes.HEADER_LENGTH, RpcEncoder.text("hi", null).length()));
    assertEquals(new JsonObject().put("text", "hi"), DfhackTypes.toJson(text.getFragments(0)));
  }
}
