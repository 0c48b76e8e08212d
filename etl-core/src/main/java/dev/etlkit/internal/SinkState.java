package dev.etlkit.internal;

import dev.etlkit.api.EtlException;
import dev.etlkit.api.Sink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a sink's {@link Sink#state()} survives a checkpoint: it is saved as JSON and read back,
 * so it may hold only what JSON holds. Anything else (a {@code Path}, a {@code File}) would come back
 * as something else or not at all, and the resume would fail far from the cause; it fails the run
 * here, naming the sink and the key.
 */
public final class SinkState {

  private SinkState() {
  }

  /** {@code state} itself when JSON can hold it; else an {@link EtlException} naming the sink and the key. */
  public static Map<String, Object> checked(String sink, Map<String, Object> state) {
    for (Map.Entry<String, Object> e : state.entrySet()) {
      String problem = problem(e.getValue());
      if (problem != null) {
        throw new EtlException("sink '" + sink + "' cannot be checkpointed: its state '" + e.getKey() + "' " + problem
            + "; a sink's state holds only strings, whole numbers, finite doubles, booleans, null, lists and maps");
      }
    }
    return state;
  }

  private static @Nullable String problem(@Nullable Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
      return null;
    }
    if (value instanceof Double || value instanceof Float) {
      return Double.isFinite(((Number) value).doubleValue()) ? null : "is " + value + ", not a finite number";
    }
    if (value instanceof BigDecimal) {
      // JSON would give it back as a Double, rounded
      return "is a BigDecimal, which would come back as a rounded Double; keep it as a string";
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String problem = e.getKey() instanceof String ? problem(e.getValue()) : "has a key that is not a string";
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        String problem = problem(item);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    return "is a " + value.getClass().getName();
  }
}
