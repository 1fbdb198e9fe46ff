package nl.dialoogtafel.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Puts one connection's messages together from their frames, in place of Vert.x's own
 * aggregation, which neither checks UTF-8 (it decodes with replacement characters, so a broken
 * message could be stored with U+FFFD in it) nor says which rule an oversized fragmented message
 * broke (it fails with a plain exception, which closed with 1011). Here a text message must be
 * valid UTF-8 as a whole (a character may span fragments), else the connection closes with 1007;
 * a message of fragments over the limit closes it with 1009, as a single oversized frame does.
 * One per connection, used on its event loop only.
 */
final class MessageAssembler {

  /** Where whole messages go. */
  interface Sink {
    void text(String message, int bytes);

    void binary();

    void broken(short status);
  }

  static final short INVALID_UTF8 = 1007;
  static final short TOO_BIG = 1009;

  private final int maxBytes;
  private final Sink sink;
  private byte[] parts;
  private int length;
  private boolean inText;
  private boolean inBinary;

  MessageAssembler(int maxBytes, Sink sink) {
    this.maxBytes = maxBytes;
    this.sink = sink;
  }

  void frame(WebSocketFrame frame) {
    if (frame.isText()) {
      start(true);
      add(frame);
    } else if (frame.isBinary()) {
      start(false);
      add(frame);
    } else if (frame.isContinuation() && (inText || inBinary)) {
      add(frame);
    }
    // Ping, pong and close are answered by Vert.x; a stray continuation Netty has already refused.
  }

  private void start(boolean text) {
    inText = text;
    inBinary = !text;
    length = 0;
  }

  private void add(WebSocketFrame frame) {
    Buffer data = frame.binaryData();
    int size = data.length();
    if (length + size > maxBytes) {
      inText = false;
      inBinary = false;
      parts = null;
      sink.broken(TOO_BIG);
      return;
    }
    if (inText) {
      if (frame.isFinal() && length == 0) {
        finishText(data.getBytes(), size); // one frame, the usual case: no copy into parts
        return;
      }
      if (parts == null || parts.length < length + size) {
        parts = Arrays.copyOf(parts == null ? new byte[0] : parts, Math.min(maxBytes, Math.max(length + size, 2 * length)));
      }
      data.getBytes(0, size, parts, length);
    }
    length += size;
    if (frame.isFinal()) {
      if (inText) {
        byte[] whole = Arrays.copyOf(parts, length);
        parts = null;
        finishText(whole, length);
      } else {
        inBinary = false;
        sink.binary();
      }
    }
  }

  private void finishText(byte[] bytes, int size) {
    inText = false;
    length = 0;
    String text = decode(bytes);
    if (text == null) {
      sink.broken(INVALID_UTF8);
    } else {
      sink.text(text, size);
    }
  }

  /** Strict UTF-8 (no overlong forms, no encoded surrogates); null when the bytes are not UTF-8. */
  static String decode(byte[] bytes) {
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }
}
