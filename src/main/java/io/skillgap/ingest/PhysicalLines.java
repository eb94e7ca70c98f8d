package io.skillgap.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The physical lines of a text file, read from bytes: the unit the accounting counts, so that no row can
 * vanish into another unseen. A line longer than the limit is not held in memory: its first bytes are
 * kept (for the quarantine's raw text) and the rest is skipped to the next line break, so one 200 MB
 * line costs the limit, not 200 MB. Each line is decoded on its own (see {@link #text}), which lets one
 * badly encoded line be quarantined without garbling its neighbours.
 */
final class PhysicalLines {
  /** Bytes of an oversize line kept for its raw text. */
  static final int KEPT_OF_OVERSIZE = 2048;

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int end;
  private boolean eof;

  private byte[] line = new byte[256];
  private int length;
  private long fullLength;
  private long number;
  private boolean oversize;

  PhysicalLines(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** Advances to the next line; false at the end of the file. A final line without a line break counts. */
  boolean next() throws IOException {
    length = 0;
    fullLength = 0;
    oversize = false;
    boolean any = false;
    while (true) {
      if (pos == end) {
        if (eof || !fill()) {
          if (!any) {
            return false;
          }
          break;
        }
      }
      any = true;
      int start = pos;
      while (pos < end && buf[pos] != '\n') {
        pos++;
      }
      append(start, pos - start);
      if (pos < end) {
        pos++; // the line break
        break;
      }
    }
    number++;
    if (length > 0 && line[length - 1] == '\r' && !oversize) {
      length--;
      fullLength--;
    }
    if (number == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
      System.arraycopy(line, 3, line, 0, length - 3); // a byte-order mark is not part of the text
      length -= 3;
      fullLength -= 3;
    }
    return true;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }

  private void append(int from, int n) {
    fullLength += n;
    if (fullLength > maxBytes && !oversize) {
      oversize = true;
      length = Math.min(length, KEPT_OF_OVERSIZE);
    }
    int room = oversize ? KEPT_OF_OVERSIZE - length : n;
    int take = Math.max(0, Math.min(n, room));
    if (length + take > line.length) {
      byte[] bigger = new byte[Math.max(line.length * 2, length + take)];
      System.arraycopy(line, 0, bigger, 0, length);
      line = bigger;
    }
    System.arraycopy(buf, from, line, length, take);
    length += take;
  }

  /** 1-based number of the current line. */
  long number() {
    return number;
  }

  /** True when the line is longer than the limit (only its first bytes are kept). */
  boolean oversize() {
    return oversize;
  }

  /** True when the line holds nothing but spaces. */
  boolean blank() {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return !oversize;
  }

  /** True when every byte is 7-bit ASCII: the same text in UTF-8 and in any fallback encoding. */
  boolean ascii() {
    for (int i = 0; i < length; i++) {
      if (line[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The line decoded as UTF-8, or null when its bytes are not valid UTF-8. */
  String utf8() {
    return decode(StandardCharsets.UTF_8);
  }

  /**
   * The line's text: UTF-8 when its bytes are valid UTF-8 (a UTF-8 line in a Windows-1251 file is still
   * read right), else the fallback encoding when the file is in it, else null (a bad line).
   */
  String text(Charset fallback) {
    if (ascii()) {
      return new String(line, 0, length, StandardCharsets.US_ASCII);
    }
    String s = utf8();
    if (s != null || fallback == null) {
      return s;
    }
    return new String(line, 0, length, fallback);
  }

  /** The line as best it can be shown (invalid bytes replaced), for the quarantine's raw text. */
  String lossy() {
    return new String(line, 0, length, StandardCharsets.UTF_8);
  }

  private String decode(Charset cs) {
    CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer c = d.decode(ByteBuffer.wrap(line, 0, oversize ? trimmedToCharacter() : length));
      return c.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The kept prefix of an oversize line may end inside a UTF-8 sequence: cut it at the last whole character. */
  private int trimmedToCharacter() {
    int n = length;
    int back = 0;
    while (n > 0 && back < 4 && (line[n - 1] & 0xC0) == 0x80) {
      n--;
      back++;
    }
    if (n > 0 && (line[n - 1] & 0x80) != 0) {
      n--; // the lead byte of the cut character
    }
    return n;
  }
}
