package dev.etlkit.sources.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Position;
import dev.etlkit.api.Record;
import dev.etlkit.api.SourceItem;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The items of one JSON document, streamed: the elements of a top-level array, of the array in the
 * field {@code itemsField} names (a dotted path such as {@code result.items}), or a single object. A
 * syntax error fails the document with its line and column, since the stream cannot be picked up
 * again after it.
 */
final class JsonDocument implements AutoCloseable {

  private final String name;
  private final Input input;
  private final JsonParser parser;
  private final JsonValues values = new JsonValues();
  private boolean inArray;
  private boolean single;
  private boolean topLevel;
  private String @Nullable [] itemsPath;
  private long index;

  /** The document's bytes from its start, read again to place an error's column. */
  interface Input {
    InputStream open() throws IOException;
  }

  /**
   * Reads {@code in}, positioned at the document's start, skipping the first {@code skip} items;
   * {@code again} gives the same bytes.
   */
  JsonDocument(String name, InputStream in, Input again, @Nullable String itemsField, long skip) {
    this.name = name;
    this.input = again;
    try {
      this.parser = JsonValues.FACTORY.createParser(in);
    } catch (IOException e) {
      throw new EtlException(name + ": cannot read: " + e.getMessage(), e);
    }
    guard(() -> {
      start(itemsField);
      while (index < skip && advance() != null) {
        parser.skipChildren();
      }
      return null;
    });
  }

  /** The next item, or null after the last. */
  @Nullable SourceItem<Record> next() {
    return guard(() -> {
      JsonToken t = advance();
      if (t == null) {
        return null;
      }
      Position position = Position.at("item", index, "item", index);
      if (t != JsonToken.START_OBJECT) {
        Object raw = JsonValues.value(parser);
        return SourceItem.rejected(raw, position, "expected a JSON object but found " + JsonValues.describe(t));
      }
      return SourceItem.of(values.record(parser), position);
    });
  }

  // Moves to the next item's first token, or returns null at the end.
  private @Nullable JsonToken advance() throws IOException {
    if (single) {
      single = false;
      index++;
      return parser.currentToken();
    }
    if (!inArray) {
      expectEnd();
      return null;
    }
    JsonToken t = parser.nextToken();
    if (t == JsonToken.END_ARRAY || t == null) {
      inArray = false;
      expectEnd();
      expectRestOfDocument();
      return null;
    }
    index++;
    return t;
  }

  // A document is one value: anything after it means the file is something else, NDJSON most likely.
  private void expectEnd() throws IOException {
    if (topLevel) {
      topLevel = false;
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw located("expected the end of the document but found " + JsonValues.describe(after)
            + "; for one object per line, set the format to ndjson");
      }
    }
  }

  // The items sat in an object's field: the rest of the document must still be well formed and end there
  // (a download cut short would otherwise pass), and must not hold the items field again.
  private void expectRestOfDocument() throws IOException {
    String[] path = itemsPath;
    if (path == null) {
      return;
    }
    itemsPath = null;
    int depth = path.length;
    // only the items' own object may not name them again; other objects may use the name freely
    boolean inItemsObject = true;
    while (depth > 0) {
      JsonToken t = parser.nextToken();
      if (t == null) {
        // the parser reports an unclosed object itself; this only guards the loop
        throw located("the document ends before its objects are closed");
      }
      if (t == JsonToken.FIELD_NAME && inItemsObject && depth == path.length
          && parser.currentName().equals(path[path.length - 1])) {
        throw located("the field '" + String.join(".", path) + "' appears twice");
      }
      if (t == JsonToken.START_OBJECT) {
        depth++;
      } else if (t == JsonToken.END_OBJECT) {
        depth--;
        inItemsObject &= depth >= path.length;
      } else if (t == JsonToken.START_ARRAY) {
        parser.skipChildren();
      }
    }
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw located("expected the end of the document but found " + JsonValues.describe(after));
    }
  }

  private void start(@Nullable String itemsField) throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      return;
    }
    if (itemsField != null) {
      if (t != JsonToken.START_OBJECT) {
        throw located("expected an object with the field '" + itemsField + "' but found " + JsonValues.describe(t));
      }
      itemsPath = itemsField.split("\\.");
      t = descend(itemsPath, 0);
      if (t != JsonToken.START_ARRAY) {
        throw located("field '" + itemsField + "' holds " + JsonValues.describe(t) + ", not an array");
      }
    }
    topLevel = itemsField == null;
    if (t == JsonToken.START_ARRAY) {
      inArray = true;
    } else if (t == JsonToken.START_OBJECT) {
      single = true;
    } else {
      throw located("expected an array or an object but found " + JsonValues.describe(t));
    }
  }

  // Inside an object, finds the field path[i] and returns its value's first token (null when absent).
  private @Nullable JsonToken descend(String[] path, int i) throws IOException {
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      boolean match = parser.currentName().equals(path[i]);
      JsonToken value = parser.nextToken();
      if (match && i == path.length - 1) {
        return value;
      }
      if (match && value == JsonToken.START_OBJECT) {
        return descend(path, i + 1);
      }
      parser.skipChildren();
    }
    return null;
  }

  private EtlException located(String message) {
    return new EtlException(where(parser.currentTokenLocation(), null) + ": " + message);
  }

  /** The file, line and character column of {@code at}, the location of {@code error} if there is one. */
  private String where(JsonLocation at, @Nullable JsonProcessingException error) {
    int column;
    try (InputStream again = input.open()) {
      column = CharColumn.inDocument(again, at, error);
    } catch (IOException | RuntimeException e) {
      // the file went away since: its byte column is still near
      column = at.getColumnNr();
    }
    return name + " line " + at.getLineNr() + ", column " + column;
  }

  private interface Step<T> {
    T run() throws IOException;
  }

  private <T> T guard(Step<T> step) {
    try {
      return step.run();
    } catch (JsonProcessingException e) {
      // a limit (nesting depth, string length) is reported without a location: the parser knows where it is
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      throw new EtlException((at == null ? name : where(at, e)) + ": " + JsonValues.message(e), e);
    } catch (IOException e) {
      throw new EtlException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
