package nl.dialoogtafel.http;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MruCacheStorage;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.templ.freemarker.FreeMarkerTemplateEngine;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.dialoogtafel.i18n.Messages;

/**
 * Server-side pages from {@code templates/*.ftl} with FreeMarker, auto-escaping everything as
 * HTML: user text can never become markup. Templates are read from the class path only (a
 * {@code templates/} folder in the working directory cannot shadow them), parsed once, and every
 * UI string comes from the message bundles through {@code t("key", args...)}.
 *
 * <p>Blocking: call from a worker, never from an event loop. The engine's own {@code render}
 * writes with the platform charset; this renders into a String so the bytes are always UTF-8.
 */
public final class PageRenderer {

  private final Configuration config;
  /** Pages and PDFs are rendered here, off the event loop and off the database pool. */
  private final WorkerExecutor workers;

  public PageRenderer(Vertx vertx) {
    workers = vertx.createSharedWorkerExecutor("dialoogtafel-pages", 4);
    config = FreeMarkerTemplateEngine.create(vertx).unwrap();
    config.setIncompatibleImprovements(Configuration.VERSION_2_3_33);
    // 2.3.33 lets templates read Java records as record.title, and compares strings exactly.
    config.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
    config.setTemplateLoader(new ClassTemplateLoader(PageRenderer.class.getClassLoader(), "templates"));
    config.setCacheStorage(new MruCacheStorage(32, 64));
    config.setOutputFormat(HTMLOutputFormat.INSTANCE);
    config.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
    config.setDefaultEncoding("UTF-8");
    config.setOutputEncoding("UTF-8");
    config.setLocale(Locale.forLanguageTag("nl-NL"));
    config.setNumberFormat("computer");
    // No ?api, no ?new: a template can reach nothing but the model it is given.
    config.setAPIBuiltinEnabled(false);
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
  }

  /** Runs blocking rendering work (a page, a PDF) on the rendering pool. */
  public <T> Future<T> blocking(Callable<T> work) {
    return workers.executeBlocking(work, false);
  }

  /** Renders a page on the rendering pool. */
  public Future<String> page(String name, String language, Map<String, Object> model) {
    return blocking(() -> render(name, language, model));
  }

  /** Renders {@code templates/<name>.ftl} in the given language; blocking. */
  public String render(String name, String language, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    all.put("lang", language);
    all.put("t", new MessageMethod(language));
    all.putIfAbsent("pdf", false);
    try {
      StringWriter out = new StringWriter(16 * 1024);
      config.getTemplate(name + ".ftl", Locale.forLanguageTag(language)).process(all, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (freemarker.template.TemplateException e) {
      throw new IllegalStateException("template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
    }
  }

  /** {@code t("key", args...)}: a sentence from the bundles; the result is escaped like any text. */
  private record MessageMethod(String language) implements TemplateMethodModelEx {
    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
      if (arguments.isEmpty()) {
        throw new TemplateModelException("t() needs a message key");
      }
      Object[] args = new Object[arguments.size() - 1];
      for (int i = 1; i < arguments.size(); i++) {
        Object arg = arguments.get(i);
        if (arg instanceof TemplateNumberModel n) {
          args[i - 1] = n.getAsNumber();
        } else if (arg instanceof TemplateScalarModel s) {
          args[i - 1] = s.getAsString();
        } else {
          args[i - 1] = String.valueOf(arg);
        }
      }
      return Messages.text(language, ((TemplateScalarModel) arguments.get(0)).getAsString(), args);
    }
  }

  /** Every template variable a page may use besides its own. */
  public static Map<String, Object> base(Account account, String path) {
    Map<String, Object> model = new HashMap<>();
    model.put("account", account);
    model.put("path", path);
    return model;
  }
}
