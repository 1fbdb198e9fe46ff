package nl.dialoogtafel.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The PDF's one font, Liberation Sans from PDFBox's jar, read once and kept without its glyph
 * substitution table (GSUB). PDFBox applies that table to every piece of text it writes and builds
 * regular expressions for it each time: two thirds of a 5,000-event record's PDF time went there
 * (measured, docs/BENCHMARKS.md). Latin text needs no substitution; only the optional ligatures
 * (fi, fl) go, which also keeps copied text letter for letter.
 */
final class PdfFont {

  private static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final byte[] BYTES = withoutTable(read(), "GSUB");

  private PdfFont() {}

  /** The font file, as a fresh stream each time (the renderer closes what it is given). */
  static InputStream open() {
    return new java.io.ByteArrayInputStream(BYTES);
  }

  /** A TrueType file with one table left out: the table directory rewritten, the other tables copied. */
  static byte[] withoutTable(byte[] font, String tag) {
    ByteBuffer in = ByteBuffer.wrap(font);
    int version = in.getInt(0);
    int count = Short.toUnsignedInt(in.getShort(4));
    List<int[]> kept = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int at = 12 + 16 * i;
      String name = new String(font, at, 4, StandardCharsets.US_ASCII);
      if (!name.equals(tag)) {
        kept.add(new int[] {in.getInt(at), in.getInt(at + 4), in.getInt(at + 8), in.getInt(at + 12)});
      }
    }
    if (kept.size() == count) {
      return font;
    }
    int n = kept.size();
    int power = Integer.highestOneBit(n);
    int offset = 12 + 16 * n;
    ByteArrayOutputStream tables = new ByteArrayOutputStream(font.length);
    ByteBuffer directory = ByteBuffer.allocate(offset);
    directory.putInt(version).putShort((short) n).putShort((short) (power * 16))
        .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (n * 16 - power * 16));
    for (int[] t : kept) {
      directory.putInt(t[0]).putInt(t[1]).putInt(offset + tables.size()).putInt(t[3]);
      tables.write(font, t[2], t[3]);
      while (tables.size() % 4 != 0) {
        tables.write(0);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(offset + tables.size());
    out.write(directory.array(), 0, offset);
    out.write(tables.toByteArray(), 0, tables.size());
    return out.toByteArray();
  }

  private static byte[] read() {
    try (InputStream in = PdfFont.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
