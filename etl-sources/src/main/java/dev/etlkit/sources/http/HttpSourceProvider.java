package dev.etlkit.sources.http;

import dev.etlkit.api.ConfigException;
import dev.etlkit.api.OptionSpec;
import dev.etlkit.api.OptionSpec.Type;
import dev.etlkit.api.PluginConfig;
import dev.etlkit.api.Record;
import dev.etlkit.api.Source;
import dev.etlkit.api.SourceProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Makes {@link HttpSource}s for {@code "type": "api"}:
 * {@code {"type": "api", "url": "https://...", "headers": {"Authorization": "Bearer ${API_TOKEN}"}}}.
 */
public final class HttpSourceProvider implements SourceProvider {

  private static final List<OptionSpec> OPTIONS = List.of(
      OptionSpec.required("url", Type.STRING, "the URL to GET"),
      OptionSpec.optional("headers", Type.OBJECT, null, "request headers; values may use ${ENV} and never show in messages"),
      OptionSpec.optional("itemsField", Type.STRING, null, "the body's field holding the array of items, e.g. data or result.items"),
      OptionSpec.optional("pagination", Type.STRING, "none", "none, page, offset, link or cursor"),
      OptionSpec.optional("pageParam", Type.STRING, "page", "page: the query parameter of the page number"),
      OptionSpec.optional("firstPage", Type.INTEGER, 1, "page: the number of the first page"),
      OptionSpec.optional("pageSizeParam", Type.STRING, null, "page: the query parameter of the page size; not sent when absent"),
      OptionSpec.optional("pageSize", Type.INTEGER, null, "page/offset: items per page; a shorter page is the last"),
      OptionSpec.optional("offsetParam", Type.STRING, "offset", "offset: the query parameter of the offset"),
      OptionSpec.optional("limitParam", Type.STRING, "limit", "offset: the query parameter of the page size"),
      OptionSpec.optional("cursorField", Type.STRING, null, "cursor: the body's field holding the next cursor, e.g. meta.next"),
      OptionSpec.optional("cursorParam", Type.STRING, "cursor", "cursor: the query parameter the cursor is sent in"),
      OptionSpec.optional("connectTimeout", Type.DURATION, "10s", "how long to wait for a connection"),
      OptionSpec.optional("requestTimeout", Type.DURATION, "30s", "how long to wait for a whole response"));

  @Override
  public String type() {
    return "api";
  }

  @Override
  public List<String> aliases() {
    return List.of("http");
  }

  @Override
  public List<OptionSpec> options() {
    return OPTIONS;
  }

  @Override
  public Source<Record> create(PluginConfig config) {
    HttpSource.Builder b = HttpSource.get(url(config)).redact(config::redact);
    for (Map.Entry<String, Object> h : config.map("headers").entrySet()) {
      if (h.getValue() == null || h.getValue() instanceof Map || h.getValue() instanceof List) {
        throw config.problem("headers", "the value of '" + h.getKey() + "' must be a string");
      }
      option(config, "headers", () -> b.header(h.getKey(), h.getValue().toString()));
    }
    if (config.has("itemsField")) {
      option(config, "itemsField", () -> b.itemsField(config.requireString("itemsField")));
    }
    option(config, "pagination", () -> b.pagination(pagination(config)));
    option(config, "connectTimeout", () -> b.connectTimeout(config.duration("connectTimeout", Duration.ofSeconds(10))));
    option(config, "requestTimeout", () -> b.requestTimeout(config.duration("requestTimeout", Duration.ofSeconds(30))));
    return b.build();
  }

  /** Sets one option; a value the builder refuses is a problem of that option, at its path. */
  private static void option(PluginConfig config, String name, Runnable set) {
    try {
      set.run();
    } catch (IllegalArgumentException e) {
      throw config.problem(name, e.getMessage());
    }
  }

  private static URI url(PluginConfig config) {
    URI url;
    try {
      url = new URI(config.requireString("url"));
    } catch (URISyntaxException e) {
      // the URL may hold a secret: say where it is wrong, not what it is
      throw config.problem("url", "not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    String problem = HttpSource.Builder.urlProblem(url);
    if (problem != null) {
      throw config.problem("url", problem);
    }
    return url;
  }

  private static Pagination pagination(PluginConfig config) {
    String kind = config.string("pagination", "none");
    if (config.has("pageSize") && config.intValue("pageSize", 1) < 1) {
      throw config.problem("pageSize", "must be >= 1, was " + config.intValue("pageSize", 1));
    }
    return switch (kind) {
      case "none" -> Pagination.none();
      case "page" -> config.has("pageSize")
          ? Pagination.pageNumbers(config.string("pageParam", "page"), config.longValue("firstPage", 1),
              config.string("pageSizeParam"), config.intValue("pageSize", 100))
          : Pagination.pageNumbers(config.string("pageParam", "page"), config.longValue("firstPage", 1));
      case "offset" -> Pagination.offsets(config.string("offsetParam", "offset"), config.string("limitParam", "limit"),
          config.intValue("pageSize", 100));
      case "link" -> Pagination.linkHeader();
      case "cursor" -> {
        if (!config.has("cursorField")) {
          throw config.problem("cursorField", "required when pagination is cursor");
        }
        yield Pagination.cursor(config.requireString("cursorField"), config.string("cursorParam", "cursor"));
      }
      default -> throw config.problem("pagination", "must be none, page, offset, link or cursor, was \"" + kind + "\"");
    };
  }
}
