package dev.etlkit.api;

import org.jspecify.annotations.Nullable;

/**
 * One result of {@link Source#read()}: either a value, or the rejection of one malformed input item.
 * Both carry the {@link Position} from which a resumed run continues right after this item.
 *
 * @param <T> the type of value
 */
public final class SourceItem<T> {

  private final @Nullable T value;
  private final Position position;
  private final @Nullable RecordException rejection;
  private final @Nullable Object raw;

  private SourceItem(@Nullable T value, Position position, @Nullable RecordException rejection, @Nullable Object raw) {
    this.value = value;
    this.position = position;
    this.rejection = rejection;
    this.raw = raw;
  }

  /** A value read at {@code position}. */
  public static <T> SourceItem<T> of(T value, Position position) {
    return new SourceItem<>(value, position, null, null);
  }

  /**
   * A malformed item at {@code position}: {@code raw} is what was read (the row's text, say), kept for
   * the dead letter; {@code message} says what is wrong with it.
   */
  public static <T> SourceItem<T> rejected(@Nullable Object raw, Position position, String message) {
    return new SourceItem<>(null, position, new RecordException(message), raw);
  }

  /** Whether this is a rejection. */
  public boolean isRejected() {
    return rejection != null;
  }

  /** The value; null for a rejection. */
  public @Nullable T value() {
    return value;
  }

  /** Where the item was, and where to resume after it. */
  public Position position() {
    return position;
  }

  /** Why the item was rejected; null for a value. */
  public @Nullable RecordException rejection() {
    return rejection;
  }

  /** The raw input of a rejected item; null for a value. */
  public @Nullable Object raw() {
    return raw;
  }
}
