package io.gamebus.codecs.rpfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every catalogue command against its shape, with serde's exact reasons for what does not fit. */
class RpfmCommandValidationTest {

  private final RpfmCodec codec = new RpfmCodec();

  private static Stream<Shape.Variant> commands() {
    return RpfmCatalogue.commandEnum().variants().stream();
  }

  private RpfmCommand decode(Object data) throws RpfmCodecException {
    return codec.decodeCommand(new JsonObject().put("id", 3).put("data", data).encode());
  }

  private String reason(Object data) {
    RpfmCodecException e = assertThrows(RpfmCodecException.class, () -> decode(data), String.valueOf(data));
    assertEquals(RpfmCodecException.Reason.BAD_COMMAND, e.kind());
    assertEquals(3L, e.id());
    assertEquals(RpfmCodecException.WIRE_PREFIX + e.reason(), e.wireText());
    return e.reason();
  }

  @TestFactory
  Stream<DynamicTest> acceptsAnExampleOfEveryCommand() {
    return commands().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
      Object data = ShapeExamples.variant(v);
      RpfmCommand c = decode(data);
      assertEquals(3L, c.id());
      assertEquals(v.name(), c.command());
      assertEquals(v.isUnit() ? null : ((JsonObject) data).getValue(v.name()), c.args());
      // and through the bus form, both ways
      assertEquals(c, RpfmCommand.fromBus(3, c.toBus()));
      assertEquals(data instanceof String ? "{\"id\":3,\"data\":\"" + data + "\"}"
          : new JsonObject().put("id", 3).put("data", data).encode(), codec.encodeCommand(c).toString());
    }));
  }

  @TestFactory
  Stream<DynamicTest> rejectsWrongArityOfEveryTupleCommand() {
    return commands().filter(Shape.Variant::tuple).map(v -> DynamicTest.dynamicTest(v.name(), () -> {
      JsonArray args = ((JsonObject) ShapeExamples.variant(v)).getJsonArray(v.name());
      int n = args.size();
      JsonArray shorter = args.copy();
      shorter.remove(n - 1);
      assertEquals("invalid length " + (n - 1) + ", expected tuple variant Command::" + v.name() + " with " + n
          + " elements", reason(new JsonObject().put(v.name(), shorter)));
      assertEquals("trailing characters", reason(new JsonObject().put(v.name(), args.copy().add("extra"))));
      assertEquals("invalid type: string \"x\", expected tuple variant Command::" + v.name(),
          reason(new JsonObject().put(v.name(), "x")));
    }));
  }

  @TestFactory
  Stream<DynamicTest> rejectsAWrongTypeInEveryTupleCommand() {
    return commands().filter(Shape.Variant::tuple).flatMap(v -> Stream.iterate(0, i -> i < v.fields().size(), i -> i + 1)
        .map(i -> DynamicTest.dynamicTest(v.name() + "[" + i + "]", () -> {
          Shape field = v.fields().get(i);
          JsonArray args = ((JsonObject) ShapeExamples.variant(v)).getJsonArray(v.name());
          args.set(i, ShapeExamples.wrong(field));
          String expected = ShapeExamples.wrongReason(field);
          if (expected == null) {
            decode(new JsonObject().put(v.name(), args)); // an opaque enum takes any variant name
          } else {
            assertEquals(expected, reason(new JsonObject().put(v.name(), args)));
          }
        })));
  }

  @Test
  void pinsSerdeTexts() {
    assertEquals("invalid length 1, expected tuple variant Command::SavePackAs with 2 elements",
        reason(new JsonObject().put("SavePackAs", new JsonArray().add("a"))));
    assertEquals("invalid type: integer `5`, expected path string",
        reason(new JsonObject().put("SavePackAs", new JsonArray().add("a").add(5))));
    assertEquals("invalid type: integer `5`, expected a string", reason(new JsonObject().put("ClosePack", 5)));
    assertEquals("invalid type: null, expected a string", reason(new JsonObject().put("ClosePack", null)));
    assertEquals("invalid type: sequence, expected a string", reason(new JsonObject().put("ClosePack", new JsonArray())));
    assertEquals("invalid type: map, expected a string", reason(new JsonObject().put("ClosePack", new JsonObject())));
    assertEquals("invalid type: floating point `1.5`, expected a string", reason(new JsonObject().put("ClosePack", 1.5)));
    assertEquals("invalid type: string \"x\", expected a boolean", reason(new JsonObject().put("RebuildDependencies", "x")));
    assertEquals("invalid type: string \"a\\\"b\\n\", expected a boolean",
        reason(new JsonObject().put("RebuildDependencies", "a\"b\n")));
    assertEquals("invalid type: unit variant, expected newtype variant", reason("ClosePack"));
    assertEquals("invalid type: unit variant, expected tuple variant", reason("SavePackAs"));
    assertEquals("invalid type: string \"k\", expected unit", reason(new JsonObject().put("NewPack", "k")));
    assertEquals("expected value", reason(5));
    assertEquals("expected value", reason(new JsonArray().add("NewPack")));
    assertEquals("expected value", reason(new JsonObject()));
    assertEquals("expected value", reason(new JsonObject().put("ClosePack", "k").put("NewPack", null)));
    assertEquals("invalid value: integer `-1`, expected u64",
        reason(new JsonObject().put("DeleteNote", new JsonArray().add("k").add("p").add(-1))));
    assertEquals("invalid value: integer `3000000000`, expected i32",
        reason(new JsonObject().put("SettingsSetI32", new JsonArray().add("k").add(3_000_000_000L))));
    assertEquals("invalid type: floating point `2.0`, expected i32",
        reason(new JsonObject().put("SettingsSetI32", new JsonArray().add("k").add(2.0))));
    assertEquals("invalid value: integer `256`, expected u8",
        reason(new JsonObject().put("SettingsSetVecRaw", new JsonArray().add("k").add(new JsonArray().add(1).add(256)))));
  }

  @Test
  void listsEveryVariantOfAnUnknownOne() {
    String reason = reason("Foo");
    String prefix = "unknown variant `Foo`, expected one of `Exit`, `ClientDisconnecting`, `ClosePack`, ";
    assertEquals(prefix, reason.substring(0, prefix.length()));
    assertEquals(", `GetPluginScripts`, `RunPluginScript`", reason.substring(reason.length() - 39));
    assertEquals(161, reason.split("`, `").length);
    assertEquals(reason, reason(new JsonObject().put("Foo", 1)));
  }

  @Test
  void checksSharedTypes() {
    JsonObject file = new JsonObject().put("File", "db/x");
    assertEquals("unknown variant `Path`, expected `File` or `Folder`",
        reason(new JsonObject().put("UpdateTable", new JsonArray().add("k").add(new JsonObject().put("Path", "x")))));
    assertEquals("invalid type: unit variant, expected newtype variant",
        reason(new JsonObject().put("UpdateTable", new JsonArray().add("k").add("File"))));
    assertEquals("unknown variant `Disk`, expected one of `PackFile`, `GameFiles`, `ParentFiles`, `AssKitFiles`, `ExternalFile`",
        reason(new JsonObject().put("ExtractPackedFiles", new JsonArray().add("k")
            .add(new JsonObject().put("Disk", new JsonArray().add(file))).add("/o").add(false))));
    assertEquals("unknown variant `Zip`, expected one of `None`, `Lzma1`, `Lz4`, `Zstd`",
        reason(new JsonObject().put("ChangeCompressionFormat", new JsonArray().add("k").add("Zip"))));
    assertEquals("invalid length 1, expected tuple variant OperationalMode::MyMod with 2 elements",
        reason(new JsonObject().put("SetPackOperationalMode",
            new JsonArray().add("k").add(new JsonObject().put("MyMod", new JsonArray().add("wh3"))))));
    assertEquals("missing field `id`", reason(new JsonObject().put("AddNote",
        new JsonArray().add("k").add(new JsonObject().put("message", "m").put("path", "")))));
    assertEquals("invalid type: string \"1\", expected u64", reason(new JsonObject().put("AddNote",
        new JsonArray().add("k").add(new JsonObject().put("id", "1").put("message", "m").put("path", "")))));
    assertEquals("invalid type: string \"x\", expected struct Definition",
        reason(new JsonObject().put("FieldsProcessed", "x")));
    assertEquals("invalid length 1, expected a tuple of size 2", reason(new JsonObject().put("RenamePackedFiles",
        new JsonArray().add("k").add(new JsonArray().add(new JsonArray().add(file))))));
  }

  @Test
  void acceptsEveryVariantOfTheSharedEnums() throws RpfmCodecException {
    for (String type : List.of("OperationalMode", "NewFile", "DataSource", "ContainerPath", "PFHFileType",
        "CompressionFormat", "SupportedFormats")) {
      for (Shape.Variant v : ((Shape.Variants) RpfmCatalogue.type(type)).variants()) {
        Object value = ShapeExamples.variant(v);
        String command = switch (type) {
          case "OperationalMode" -> "SetPackOperationalMode";
          case "NewFile" -> "NewPackedFile";
          case "DataSource" -> "DecodePackedFile";
          case "ContainerPath" -> "UpdateTable";
          case "PFHFileType" -> "SetPackFileType";
          case "CompressionFormat" -> "ChangeCompressionFormat";
          default -> "SetVideoFormat";
        };
        JsonArray args = ((JsonObject) ShapeExamples.variant(RpfmCatalogue.commandEnum().variant(command)))
            .getJsonArray(command);
        args.set(args.size() - 1, value);
        assertEquals(command, decode(new JsonObject().put(command, args)).command(), type + " " + v.name());
      }
    }
  }

  @Test
  void acceptsNullForOptionsAndUnitAsNull() throws RpfmCodecException {
    JsonArray args = new JsonArray().add("k").add(new JsonArray()).add(new JsonArray()).addNull();
    assertEquals(args, decode(new JsonObject().put("AddPackedFiles", args)).args());
    // serde_json reads a unit variant's () from null: {"NewPack":null} is NewPack
    RpfmCommand c = decode(new JsonObject().put("NewPack", null));
    assertEquals(new RpfmCommand(3, "NewPack", null), c);
  }
}
