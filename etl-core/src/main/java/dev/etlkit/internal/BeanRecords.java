package dev.etlkit.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.etlkit.api.EtlException;
import dev.etlkit.api.Record;
import dev.etlkit.api.Sink;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The host's beans as records and back, with Jackson's view of a bean: its properties in Jackson's order
 * under their JSON names ({@code @JsonProperty}, {@code @JsonIgnore} honoured). A property keeps its value
 * where a record can hold it (text, numbers, booleans, {@code LocalDate}, {@code Instant}, lists, maps);
 * an enum becomes its name, and anything else (a nested bean, a {@code UUID}, a {@code LocalDateTime})
 * what it is in JSON: a map, a list or text, numbers kept exact.
 */
public final class BeanRecords {

  /** Reads records into beans: dates from their ISO text, unknown fields ignored. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_LONG_FOR_INTS)
      .build();

  private static final Map<Class<?>, List<BeanPropertyDefinition>> PROPERTIES = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Boolean> TAKES_RECORDS = new ConcurrentHashMap<>();

  private BeanRecords() {
  }

  /** {@code item} itself if it is a record, else the record of the bean's properties. */
  public static Record toRecord(Object item) {
    if (item instanceof Record r) {
      return r;
    }
    List<BeanPropertyDefinition> properties = PROPERTIES.computeIfAbsent(item.getClass(), BeanRecords::readable);
    Record.Builder b = Record.builder(properties.size());
    for (BeanPropertyDefinition p : properties) {
      AnnotatedMember accessor = p.getAccessor();
      Object value;
      try {
        accessor.fixAccess(true);
        value = accessor.getValue(item);
      } catch (RuntimeException e) {
        throw new EtlException("cannot read property '" + p.getName() + "' of " + item.getClass().getName() + ": " + e.getMessage(), e);
      }
      b.put(p.getName(), recordValue(value));
    }
    return b.build();
  }

  /**
   * Whether {@code sink} is declared to take records ({@code implements Sink<Record>}, directly or through
   * an interface): the engine then hands it records made of the beans a pipeline carries.
   */
  public static boolean takesRecords(Sink<?> sink) {
    return TAKES_RECORDS.computeIfAbsent(sink.getClass(), c -> {
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        for (Type t : k.getGenericInterfaces()) {
          if (declaresRecordSink(t)) {
            return true;
          }
        }
      }
      return false;
    });
  }

  private static boolean declaresRecordSink(Type t) {
    if (t instanceof ParameterizedType p && p.getRawType() == Sink.class) {
      return p.getActualTypeArguments()[0] == Record.class;
    }
    Type raw = t instanceof ParameterizedType p ? p.getRawType() : t;
    if (raw instanceof Class<?> i && i != Sink.class && Sink.class.isAssignableFrom(i)) {
      for (Type parent : i.getGenericInterfaces()) {
        if (declaresRecordSink(parent)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<BeanPropertyDefinition> readable(Class<?> type) {
    JavaType javaType = MAPPER.constructType(type);
    List<BeanPropertyDefinition> out = new ArrayList<>();
    for (BeanPropertyDefinition p : MAPPER.getSerializationConfig().introspect(javaType).findProperties()) {
      if (p.couldSerialize() && p.getAccessor() != null) {
        out.add(p);
      }
    }
    if (out.isEmpty()) {
      throw new EtlException(type.getName() + " has no readable properties to make a record of");
    }
    return out;
  }

  private static @Nullable Object recordValue(@Nullable Object value) {
    if (value == null || value instanceof String || value instanceof Long || value instanceof BigDecimal
        || value instanceof Boolean || value instanceof Double || value instanceof LocalDate || value instanceof Instant
        || value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Float
        || value instanceof BigInteger || value instanceof Record) {
      return value;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Character c) {
      return c.toString();
    }
    if (value instanceof Collection<?> items) {
      List<Object> list = new ArrayList<>(items.size());
      for (Object item : items) {
        list.add(recordValue(item));
      }
      return list;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
      map.forEach((k, v) -> copy.put(String.valueOf(k), recordValue(v)));
      return copy;
    }
    // a nested bean, an array, a UUID, a LocalDateTime: as JSON has it
    return MAPPER.convertValue(value, Object.class);
  }
}
