package io.gamebus.codecs.dfhack;

import io.gamebus.codecs.dfhack.proto.CoreTextFragment;

/**
 * Console colours ({@code color_value} in ColorText.h). {@link #COLOR_RESET} (-1) is the default
 * colour and is sent by leaving {@code CoreTextFragment.color} out; 0..15 are the proto enum.
 */
public final class TextColor {

  /** The default colour; never on the wire (the fragment has no colour). */
  public static final int COLOR_RESET = -1;
  /** Alias of {@link #COLOR_RESET}. */
  public static final int RESET = COLOR_RESET;
  public static final int BLACK = 0;
  public static final int BLUE = 1;
  public static final int GREEN = 2;
  public static final int CYAN = 3;
  public static final int RED = 4;
  public static final int MAGENTA = 5;
  public static final int BROWN = 6;
  public static final int GREY = 7;
  public static final int DARKGREY = 8;
  public static final int LIGHTBLUE = 9;
  public static final int LIGHTGREEN = 10;
  public static final int LIGHTCYAN = 11;
  /** Used by the real server for its error texts. */
  public static final int LIGHTRED = 12;
  public static final int LIGHTMAGENTA = 13;
  public static final int YELLOW = 14;
  public static final int WHITE = 15;

  private TextColor() {}

  /**
   * The C++/proto name: {@code COLOR_RESET} for -1, {@code COLOR_LIGHTRED} for 12, ...
   *
   * @throws IllegalArgumentException outside -1..15
   */
  public static String name(int color) {
    if (color == COLOR_RESET) {
      return "COLOR_RESET";
    }
    CoreTextFragment.Color c = CoreTextFragment.Color.forNumber(color);
    if (c == null) {
      throw new IllegalArgumentException("no such colour: " + color);
    }
    return c.name();
  }
}
