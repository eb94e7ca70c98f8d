package io.skillgap.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The records of one file, read lazily: a parser only says how to get the next one (null at the end). */
abstract class Records implements Iterator<ParsedRecord> {
  private ParsedRecord next;

  /** The next record, or null when the file has no more. */
  protected abstract ParsedRecord advance();

  @Override
  public final boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public final ParsedRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ParsedRecord r = next;
    next = null;
    return r;
  }
}
