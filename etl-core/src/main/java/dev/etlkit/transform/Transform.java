package dev.etlkit.transform;

import dev.etlkit.api.Emitter;
import dev.etlkit.api.Record;
import dev.etlkit.api.Transformer;
import dev.etlkit.internal.BeanRecords;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Switching a pipeline between records and the host's own types. After {@link #toBean(Class)} the
 * transformers that follow get beans; sinks that take records ({@code CsvSink}, {@code JsonSink},
 * {@code PostgresSink}, any {@code Sink<Record>}) get each bean as a record of its properties, so they
 * accept records or beans alike.
 *
 * <pre>{@code
 * Pipeline.builder("employees")
 *     .source(CsvSource.file(Path.of("employees.csv")).build())
 *     .transform(Transform.toBean(Employee.class))
 *     .transform(Transformer.map("raise", (Employee e) -> e.withSalary(e.salary().multiply(RAISE))))
 *     .sink(CsvSink.file(Path.of("out.csv")))
 *     .build().run();
 * }</pre>
 */
public final class Transform {

  private Transform() {
  }

  /**
   * Maps each record to a {@code type} with Jackson: fields to properties by name ({@code @JsonProperty}
   * honoured), unknown fields ignored, dates from {@code LocalDate} or ISO text, numbers converted. A
   * record whose value does not fit its property (text where a number is wanted) is rejected, naming the
   * field; validate first ({@link Validate#beans(Class)}) to have every problem reported.
   */
  public static <T> Transformer<Record, T> toBean(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return new Transformer<>() {
      @Override
      public void transform(Record record, Emitter<T> out) {
        Map<String, Object> values = record.asMap();
        try {
          out.emit(BeanRecords.MAPPER.convertValue(values, type));
        } catch (IllegalArgumentException e) {
          throw Violations.reject(List.of(Violations.unmappable(e, values)));
        }
      }

      @Override
      public String name() {
        return "toBean " + type.getSimpleName();
      }

      @Override
      public String definition() {
        return "toBean " + type.getName();
      }
    };
  }

  /**
   * Makes each bean a record of its properties, in Jackson's order under their JSON names; a record
   * passes as it is. Enums become their names; a nested bean becomes a map.
   */
  public static Transformer<Object, Record> toRecord() {
    return new Transformer<>() {
      @Override
      public void transform(Object bean, Emitter<Record> out) {
        out.emit(BeanRecords.toRecord(bean));
      }

      @Override
      public String name() {
        return "toRecord";
      }
    };
  }
}
