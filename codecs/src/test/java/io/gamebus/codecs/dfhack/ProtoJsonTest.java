package io.gamebus.codecs.dfhack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link ProtoJson} against protobuf-java-util's JsonFormat, the implementation it replaced: the
 * same JSON out (field order and number classes included), the same inputs taken or refused.
 */
class ProtoJsonTest {

  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();
  /** Every field kind protobuf has, singular ({@code one_int64}) and repeated ({@code many_int64}). */
  private static final Message ALL_KINDS = DynamicMessage.getDefaultInstance(allKinds());

  /** A Java enum, which Vert.x encodes by name. */
  private enum Kind { ONE }

  @Test
  void everyKnownTypePrintsAsJsonFormatAndRoundTrips() throws Exception {
    assertTrue(DfhackTypes.knownTypes().size() > 30);
    for (String name : DfhackTypes.knownTypes()) {
      Message prototype = DfhackTypes.defaultInstance(name).orElseThrow();
      assertPrintsAsReference(prototype);
      for (Message m : variants(prototype)) {
        assertPrintsAsReference(m);
        assertEquals(m, DfhackTypes.fromJson(name, DfhackTypes.toJson(m)), name);
        assertEquals(m, reference(prototype, DfhackTypes.toJson(m)), name);
      }
    }
  }

  @Test
  void everyFieldKindPrintsAsJsonFormatAndRoundTrips() throws Exception {
    for (Message m : variants(ALL_KINDS)) {
      assertPrintsAsReference(m);
      assertEquals(m, ours(ALL_KINDS, ProtoJson.toJson(m)));
    }
    JsonObject json = ProtoJson.toJson(fill(ALL_KINDS.newBuilderForType(), false, 0).build());
    assertEquals("-9223372036854775808", json.getValue("one_int64")); // 64-bit integers as strings
    assertEquals("18446744073709551615", json.getValue("one_uint64"));
    assertEquals(4294967295L, json.getValue("one_fixed32"));
    assertEquals("+/8A", json.getValue("one_bytes"));
    assertEquals(new JsonArray().add("NEGATIVE").add("ONE"), json.getValue("many_enum"));
    assertEquals(new JsonArray().add(1.1).add("NaN"), json.getValue("many_float"));
  }

  @Test
  void inputsAreTakenOrRefusedAsByJsonFormat() throws Exception {
    String[] taken = {
      "{}", "{'one_int32': 7}", "{'one_int32': '7'}", "{'one_int32': 7.0}", "{'one_int32': '7.0'}",
      "{'one_int32': 1e2}", "{'oneInt32': -2147483648}", "{'one_sint32': -5}", "{'one_sfixed32': '-5'}",
      "{'one_uint32': 4294967295}", "{'one_fixed32': '4294967295'}", "{'one_uint32': 2147483648.0}",
      "{'one_int64': '-9223372036854775808'}", "{'one_int64': 9223372036854775807}", "{'one_sint64': 5}",
      "{'one_uint64': '18446744073709551615'}", "{'one_fixed64': 18446744073709551615}", "{'one_sfixed64': '1e3'}",
      "{'one_float': 1.5}", "{'one_float': 0.1}", "{'one_float': 'NaN'}", "{'one_float': '-Infinity'}",
      "{'one_float': 3}", "{'one_double': '1e300'}", "{'one_double': 2}", "{'one_double': 'Infinity'}",
      "{'one_bool': true}", "{'one_bool': 'false'}",
      "{'one_string': 'x\\u00fc\\n'}", "{'one_string': 5}", "{'one_string': true}", "{'one_string': 1.5}",
      "{'one_bytes': '+/8A'}", "{'one_bytes': '-_8A'}", "{'one_bytes': '+/8'}", "{'one_bytes': ''}",
      "{'one_enum': 'ONE'}", "{'one_enum': 1}", "{'one_enum': '-1'}", "{'one_enum': -1.0}",
      "{'one_message': {'x_value': 1}}", "{'oneMessage': {'xValue': 1}}",
      "{'many_int32': [1, '2', 3.0]}", "{'many_enum': ['ONE', 0]}", "{'many_uint32': [4294967295, 0]}",
      "{'many_message': [{'x_value': 1}, {'x_value': 2}]}", "{'many_string': []}", "{'many_string': null}",
      "{'one_string': null, 'one_message': null}", "{'oneInt32': null, 'one_int32': 1}",
      "{'many_bytes': ['AA==', 'AQ=='], 'many_bool': [true, 'true']}",
    };
    String[] refused = {
      "{'one_int32': 7.5}", "{'one_int32': 2147483648}", "{'one_int32': 'seven'}", "{'one_int32': true}",
      "{'one_int32': {}}", "{'one_int32': []}", "{'one_int32': ' 7'}",
      "{'one_uint32': -1}", "{'one_uint32': 4294967296}", "{'one_int64': '9223372036854775808'}",
      "{'one_uint64': -1}", "{'one_uint64': '18446744073709551616'}", "{'one_sint64': 1.5}",
      "{'one_float': 1e39}", "{'one_float': 'x'}", "{'one_double': '1e400'}", "{'one_double': true}",
      "{'one_bool': 1}", "{'one_bool': 'yes'}", "{'one_bool': 'TRUE'}",
      "{'one_string': {}}", "{'one_string': []}", "{'one_bytes': '!!'}", "{'one_bytes': 5}",
      "{'one_enum': 'TWO'}", "{'one_enum': 2}", "{'one_enum': 1.5}", "{'one_enum': true}", "{'one_enum': 'one'}",
      "{'one_message': 5}", "{'one_message': []}", "{'one_message': {'bogus': 1}}", "{'one_message': {}}",
      "{'many_int32': 5}", "{'many_int32': [null]}", "{'many_int32': {}}", "{'many_message': [{}]}",
      "{'many_message': {'x_value': 1}}", "{'bogus': 1}", "{'@type': 'x'}", "{'One_int32': 1}",
      "{'one_int32': 1, 'oneInt32': 2}", "{'many_int32': [1], 'manyInt32': [2]}",
    };
    for (String text : taken) {
      JsonObject json = new JsonObject(text.replace('\'', '"'));
      Message expected = reference(ALL_KINDS, json);
      assertNotNull(expected, "JsonFormat takes " + json);
      assertEquals(expected, ours(ALL_KINDS, json), json.encode());
    }
    for (String text : refused) {
      JsonObject json = new JsonObject(text.replace('\'', '"'));
      assertNull(reference(ALL_KINDS, json), "JsonFormat refuses " + json);
      assertNull(ours(ALL_KINDS, json), json.encode());
    }
  }

  @Test
  void oneElementArraysAreNotScalars() {
    // Gson reads a one-element array as its element, so JsonFormat took these; they were never the JSON form.
    for (String text : List.of("{'one_int32': [7]}", "{'one_string': ['x']}", "{'one_bool': [true]}")) {
      JsonObject json = new JsonObject(text.replace('\'', '"'));
      assertNotNull(reference(ALL_KINDS, json), text);
      assertNull(ours(ALL_KINDS, json), text);
    }
  }

  @Test
  void javaValuesAreTakenAsVertxWouldEncodeThem() throws Exception {
    JsonObject json = new JsonObject()
        .put("one_bytes", new byte[] {(byte) 0xfb, (byte) 0xff})
        .put("one_enum", Kind.ONE)
        .put("one_message", Map.of("x_value", 3))
        .put("many_message", List.of(Map.of("x_value", 4), new JsonObject().put("xValue", 5)))
        .put("many_int32", List.of(1, 2L, (short) 3))
        .put("one_uint64", new java.math.BigInteger("18446744073709551615"));
    Message expected = reference(ALL_KINDS, json);
    assertNotNull(expected);
    assertEquals(expected, ours(ALL_KINDS, json));
  }

  @Test
  void knownTypeInputsAreTakenOrRefusedAsByJsonFormat() {
    String[][] cases = { // type, JSON
      {"dfproto.CoreTextFragment", "{'text': 'x', 'color': 12}"},
      {"dfproto.CoreTextFragment", "{'text': 'x', 'color': '12'}"},
      {"dfproto.CoreTextFragment", "{'text': 'x', 'color': 99}"},
      {"dfproto.CoreTextFragment", "{'text': 'x', 'color': 'COLOR_PINK'}"},
      {"dfproto.CoreErrorNotification", "{'code': 'CR_LINK_FAILURE'}"},
      {"dfproto.CoreErrorNotification", "{'code': -3}"},
      {"dfproto.ListUnitsOut", "{'value': [{'unit_id': 1, 'pos_x': 1, 'pos_y': 2, 'pos_z': 3, 'flags1': 4294967295,"
          + " 'flags2': 0, 'flags3': 0, 'race': 1, 'caste': 0, 'name': {'firstName': 'Urist'}}]}"},
      {"dfproto.ListUnitsOut", "{'value': [{'unit_id': 1}]}"},
      {"dfproto.ListUnitsIn", "{'mask': {'labors': true}, 'id_list': [1, 2], 'scanAll': true}"},
      {"dfproto.ListMaterialsIn", "{'id_list': [{'type': 0, 'index': -1}], 'mask': {'states': ['Solid', 2]}}"},
      {"dfproto.EmptyMessage", "{'x': 1}"},
      {"RemoteFortressReader.SingleBool", "{'value': true}"},
      {"RemoteFortressReader.SingleBool", "{'Value': 'true'}"},
    };
    for (String[] c : cases) {
      JsonObject json = new JsonObject(c[1].replace('\'', '"'));
      Message prototype = DfhackTypes.defaultInstance(c[0]).orElseThrow();
      Message ours;
      try {
        ours = DfhackTypes.fromJson(c[0], json);
      } catch (DfhackCodecException e) {
        ours = null;
      }
      assertEquals(reference(prototype, json), ours, c[0] + " " + json.encode());
    }
  }

  @Test
  void errorsNameThePathToTheField() {
    assertError("dfproto.ListUnitsOut", "{'value': [{}, {'unit_id': 'x'}]}", "value[1].unit_id: expected int32, got \"x\"");
    assertError("dfproto.ListUnitsOut", "{'value': [{'bogus': 1}]}", "value[0].bogus: unknown field of dfproto.BasicUnitInfo");
    assertError("dfproto.ListUnitsOut", "{'value': [{'unit_id': 1}]}", "missing required fields: value[0].pos_x");
    assertError("dfproto.CoreTextNotification", "{'fragments': [{'text': 'x', 'color': 'PINK'}]}",
        "fragments[0].color: expected one of [COLOR_BLACK, COLOR_BLUE");
    assertError("dfproto.CoreRunCommandRequest", "{'command': 'ls', 'arguments': ['a', {}]}",
        "arguments[1]: expected string, got an object");
    assertError("dfproto.CoreRunCommandRequest", "{'command': 'ls', 'arguments': 'a'}",
        "arguments: expected an array, got \"a\"");
    assertError("dfproto.CoreBindRequest", "{'input_msg': 'a', 'inputMsg': 'b'}", "given twice");
    assertError("dfproto.IntMessage", "{'value': '" + "9".repeat(100) + "'}", "value: expected int32, got \"999");
  }

  @Test
  void mapFieldsAndWellKnownTypesAreRefusedUpFront() {
    Message any = com.google.protobuf.Api.getDefaultInstance(); // has google.protobuf.SourceContext
    assertThrows(IllegalArgumentException.class, () -> ProtoJson.toJson(any));
  }

  private static void assertError(String type, String json, String expected) {
    DfhackCodecException e = assertThrows(DfhackCodecException.class,
        () -> DfhackTypes.fromJson(type, new JsonObject(json.replace('\'', '"'))));
    assertEquals(DfhackCodecException.Reason.UNDECODABLE, e.reason());
    assertTrue(e.getMessage().startsWith(type + ": ") && e.getMessage().contains(expected), e.getMessage());
  }

  private static void assertPrintsAsReference(Message m) throws InvalidProtocolBufferException {
    String name = m.getDescriptorForType().getFullName();
    assertEquals(typed(new JsonObject(PRINTER.print(m))), typed(ProtoJson.toJson(m)), name);
  }

  /** JsonFormat's reading of {@code json} as the old DfhackTypes.fromJson did it; null if refused. */
  private static Message reference(Message prototype, JsonObject json) {
    Message.Builder b = prototype.newBuilderForType();
    try {
      PARSER.merge(json.encode(), b);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      return null;
    }
    return b.isInitialized() ? b.build() : null;
  }

  /** ProtoJson's reading, as DfhackTypes.fromJson does it; null if refused. */
  private static Message ours(Message prototype, JsonObject json) {
    Message.Builder b = prototype.newBuilderForType();
    try {
      ProtoJson.merge(json, b);
    } catch (DfhackCodecException e) {
      return null;
    }
    return b.isInitialized() ? b.buildPartial() : null;
  }

  /** Values with their classes, maps in order: equal only if printed alike and parsed alike by Jackson. */
  private static String typed(Object v) {
    Object x = v instanceof JsonObject o ? o.getMap() : v instanceof JsonArray a ? a.getList() : v;
    if (x instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> e.getKey() + "=" + typed(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }
    if (x instanceof List<?> l) {
      return l.stream().map(ProtoJsonTest::typed).collect(Collectors.joining(", ", "[", "]"));
    }
    return x == null ? "null" : x.getClass().getSimpleName() + ":" + x;
  }

  /** Every field set with two kinds of values, and only the required fields. */
  private static List<Message> variants(Message prototype) {
    return List.of(fill(prototype.newBuilderForType(), false, 0).build(),
        fill(prototype.newBuilderForType(), false, 1).build(), fill(prototype.newBuilderForType(), true, 0).build());
  }

  /** Sets every field (or the required ones); repeated fields get both kinds of values. */
  static Message.Builder fill(Message.Builder b, boolean requiredOnly, int kind) {
    for (FieldDescriptor f : b.getDescriptorForType().getFields()) {
      if (f.isRepeated() && !requiredOnly) {
        b.addRepeatedField(f, sample(b, f, 0)).addRepeatedField(f, sample(b, f, 1));
      } else if (f.isRequired() || !requiredOnly) {
        b.setField(f, sample(b, f, kind));
      }
    }
    return b;
  }

  /** Kind 0: edge values (sign bits, NaN, escapes); kind 1: ordinary ones. */
  private static Object sample(Message.Builder b, FieldDescriptor f, int kind) {
    boolean edge = kind == 0;
    return switch (f.getType()) {
      case INT32, SINT32, SFIXED32 -> edge ? Integer.MIN_VALUE : 42;
      case UINT32, FIXED32 -> edge ? -1 : 42;
      case INT64, SINT64, SFIXED64 -> edge ? Long.MIN_VALUE : 42L;
      case UINT64, FIXED64 -> edge ? -1L : 42L;
      case FLOAT -> edge ? 1.1f : Float.NaN;
      case DOUBLE -> edge ? 1e-300 : Double.NEGATIVE_INFINITY;
      case BOOL -> edge;
      case STRING -> edge ? "ü \"q\" <&> \u2028 \n 🐉" : "Urist";
      case BYTES -> ByteString.copyFrom(edge ? new byte[] {(byte) 0xfb, (byte) 0xff, 0} : new byte[0]);
      case ENUM -> {
        List<EnumValueDescriptor> values = f.getEnumType().getValues();
        yield values.get(edge ? 0 : values.size() - 1);
      }
      case MESSAGE, GROUP -> fill(b.newBuilderForField(f), false, kind).build();
    };
  }

  /** test.AllKinds: one_&lt;type&gt; and many_&lt;type&gt; for every field type but groups. */
  private static Descriptor allKinds() {
    DescriptorProto.Builder m = DescriptorProto.newBuilder().setName("AllKinds")
        .addNestedType(DescriptorProto.newBuilder().setName("Inner").addField(FieldDescriptorProto.newBuilder()
            .setName("x_value").setNumber(1).setLabel(Label.LABEL_REQUIRED).setType(FieldDescriptorProto.Type.TYPE_INT32)))
        .addEnumType(EnumDescriptorProto.newBuilder().setName("Kind")
            .addValue(EnumValueDescriptorProto.newBuilder().setName("NEGATIVE").setNumber(-1))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("ZERO").setNumber(0))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("ONE").setNumber(1)));
    int number = 100; // declared in descending number order, so printing must sort
    for (FieldDescriptorProto.Type t : FieldDescriptorProto.Type.values()) {
      if (t == FieldDescriptorProto.Type.TYPE_GROUP) {
        continue;
      }
      String kind = t.name().substring("TYPE_".length()).toLowerCase();
      for (Label label : List.of(Label.LABEL_OPTIONAL, Label.LABEL_REPEATED)) {
        FieldDescriptorProto.Builder f = FieldDescriptorProto.newBuilder().setNumber(number--).setLabel(label).setType(t)
            .setName((label == Label.LABEL_REPEATED ? "many_" : "one_") + kind);
        if (t == FieldDescriptorProto.Type.TYPE_MESSAGE || t == FieldDescriptorProto.Type.TYPE_ENUM) {
          f.setTypeName(t == FieldDescriptorProto.Type.TYPE_MESSAGE ? ".test.AllKinds.Inner" : ".test.AllKinds.Kind");
        }
        m.addField(f);
      }
    }
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("all_kinds.proto").setPackage("test")
        .setSyntax("proto2").addMessageType(m).build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("AllKinds");
    } catch (com.google.protobuf.Descriptors.DescriptorValidationException e) {
      throw new IllegalStateException(e);
    }
  }
}
