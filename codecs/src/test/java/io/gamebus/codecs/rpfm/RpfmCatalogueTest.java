package io.gamebus.codecs.rpfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RpfmCatalogueTest {

  @Test
  void holdsAllVariantsOfRpfm506() {
    assertEquals("5.0.6", RpfmCatalogue.VERSION);
    assertEquals(161, RpfmCatalogue.commands().size());
    assertEquals(83, RpfmCatalogue.responses().size());
  }

  @Test
  void keepsDeclarationOrder() {
    List<String> c = RpfmCatalogue.commands();
    assertEquals(List.of("Exit", "ClientDisconnecting", "ClosePack", "CloseAllPacks", "CleanAndSavePackAs"), c.subList(0, 5));
    assertEquals("GetGameSelected", c.get(15));
    assertEquals("RunPluginScript", c.get(160));
    List<String> r = RpfmCatalogue.responses();
    assertEquals(List.of("Success", "Error", "SessionConnected", "BmdRFileInfo"), r.subList(0, 4));
    assertEquals("Unknown", r.get(59));
    assertEquals("SettingsAll", r.get(82));
  }

  @Test
  void tellsUnitVariants() {
    assertTrue(RpfmCatalogue.isUnitCommand("NewPack"));
    assertFalse(RpfmCatalogue.isUnitCommand("ClosePack"));
    assertFalse(RpfmCatalogue.isUnitCommand("Nope"));
    assertTrue(RpfmCatalogue.isCommand("ClosePack"));
    assertFalse(RpfmCatalogue.isCommand("Success"));
    assertFalse(RpfmCatalogue.isCommand(null));
    assertTrue(RpfmCatalogue.isUnitResponse("Success"));
    assertTrue(RpfmCatalogue.isUnitResponse("Unknown"));
    assertFalse(RpfmCatalogue.isUnitResponse("Error"));
    assertTrue(RpfmCatalogue.isResponse("SessionConnected"));
    assertEquals(List.of("Success", "Unknown"),
        RpfmCatalogue.responses().stream().filter(RpfmCatalogue::isUnitResponse).toList());
  }

  @Test
  void describesShapes() {
    assertNull(RpfmCatalogue.commandShape("NewPack"));
    assertEquals("string", RpfmCatalogue.commandShape("ClosePack").describe());
    assertEquals("[string, path]", RpfmCatalogue.commandShape("SavePackAs").describe());
    assertEquals("[string, path[], ContainerPath[], path[]|null]", RpfmCatalogue.commandShape("AddPackedFiles").describe());
    assertEquals("{string: ContainerPath[]}", RpfmCatalogue.commandShape("CopyPackedFiles").describe());
    assertEquals("[string, {DataSource: ContainerPath[]}, path, bool]",
        RpfmCatalogue.commandShape("ExtractPackedFiles").describe());
    assertEquals("[string, string, Definition, [Field, string, string][]]",
        RpfmCatalogue.commandShape("CascadeEdition").describe());
    assertEquals("[string, string, string[]]|null", RpfmCatalogue.responseShape("OptionStringStringVecString").describe());
    assertEquals("[ContainerInfo, RFileInfo[]]", RpfmCatalogue.responseShape("ContainerInfoVecRFileInfo").describe());
    assertThrows(IllegalArgumentException.class, () -> RpfmCatalogue.commandShape("Nope"));
    Shape.Variants mode = (Shape.Variants) RpfmCatalogue.type("OperationalMode");
    assertEquals(List.of("MyMod", "Normal"), mode.variants().stream().map(Shape.Variant::name).toList());
  }

  @Test
  void shapeParserRejectsMalformedText() {
    assertThrows(IllegalArgumentException.class, () -> ShapeParser.parse("[string"));
    assertThrows(IllegalArgumentException.class, () -> ShapeParser.parse("{string string}"));
    assertThrows(IllegalArgumentException.class, () -> ShapeParser.parse("string|nul"));
    assertThrows(IllegalArgumentException.class, () -> ShapeParser.parse("string]"));
    assertEquals("[bool, string][]|null", ShapeParser.parse(" [ bool ,string ] [] | null ").describe());
  }

  /** Every numbered row of rpfm-commands.md §3 and every row of §4, in order (when the file is at hand). */
  @Test
  void matchesTheProtocolNotes() throws IOException {
    Path md = Stream.of("../../shared/protocols/rpfm-commands.md", "../shared/protocols/rpfm-commands.md")
        .map(Path::of).filter(Files::isRegularFile).findFirst().orElse(null);
    assumeTrue(md != null, "rpfm-commands.md not found next to the project");
    String text = Files.readString(md);
    String commands = text.substring(text.indexOf("## 3. Commands"), text.indexOf("## 4. Responses"));
    String responses = text.substring(text.indexOf("## 4. Responses"), text.indexOf("## 5."));
    assertEquals(rows(commands, "^\\| \\d+ \\| `(\\w+)` \\|"), RpfmCatalogue.commands());
    assertEquals(rows(responses, "^\\| `(\\w+)` \\|"), RpfmCatalogue.responses());
  }

  private static List<String> rows(String section, String regex) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(section);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
