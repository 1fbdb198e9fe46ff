package nl.dialoogtafel.support;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.dialoogtafel.app.Server;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs {@link WithServer}: one server (and one Vert.x for the test's phones) per test class, or per
 * test with {@code perTest}, kept in JUnit's store so JUnit closes it after the class's own
 * {@code @AfterAll} (phones and browsers go first). A {@code @Nested} class shares its outer
 * class's server. What a test asks for is injected into its fields and parameters.
 */
public final class ServerExtension implements BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor,
    ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(ServerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!settings(context).perTest()) {
      inject(null, context.getRequiredTestClass(), room(context));
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
    if (!settings(context).perTest()) {
      inject(testInstance, testInstance.getClass(), room(classContext(context)));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (settings(context).perTest()) {
      Room room = context.getStore(NAMESPACE).getOrComputeIfAbsent(Room.class, k -> Room.open(settings(context)),
          Room.class);
      Object instance = context.getRequiredTestInstance();
      inject(instance, instance.getClass(), room);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestServer.class || type == Vertx.class || type == Facilitator.class || type == ArchiveClient.class
        || type == Browser.class || type == Server.class
        || (type == String.class && parameter.isAnnotated(AdminCookie.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Room room = context.getStore(NAMESPACE).get(Room.class, Room.class);
    if (room == null) {
      room = room(classContext(context));
    }
    Class<?> type = parameter.getParameter().getType();
    // The Server object is asked for each time: a test that restarts the server gets the new one.
    return type == Server.class ? room.server.server() : room.value(type);
  }

  /** The room of the class (or of an enclosing class, for a @Nested one), opened on first use. */
  private static Room room(ExtensionContext classContext) {
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Room.class, k -> Room.open(settings(classContext)),
        Room.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext at = context;
    while (at.getTestMethod().isPresent()) {
      at = at.getParent().orElseThrow();
    }
    return at;
  }

  private static WithServer settings(ExtensionContext context) {
    for (Class<?> at = context.getRequiredTestClass(); at != null; at = at.getEnclosingClass()) {
      var found = AnnotationSupport.findAnnotation(at, WithServer.class);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new IllegalStateException("ServerExtension without @WithServer on " + context.getRequiredTestClass());
  }

  /** Fills the static fields (instance null) or the instance fields the test declares for what the room has. */
  private static void inject(Object instance, Class<?> type, Room room) throws IllegalAccessException {
    boolean statics = instance == null;
    for (Field field : ReflectionSupport.findFields(type, f -> Modifier.isStatic(f.getModifiers()) == statics
        && !Modifier.isFinal(f.getModifiers()) && injectable(f), HierarchyTraversalMode.TOP_DOWN)) {
      field.setAccessible(true);
      field.set(instance, room.value(field.getType()));
    }
  }

  private static boolean injectable(Field field) {
    Class<?> type = field.getType();
    return type == TestServer.class || type == Vertx.class || type == Facilitator.class || type == ArchiveClient.class
        || type == Browser.class || (type == String.class && field.isAnnotationPresent(AdminCookie.class));
  }

  /** A server, its Vert.x for phones and the admin logged in; closed by JUnit with the context that made it. */
  private static final class Room implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    final TestServer server;
    final Vertx vertx;
    final String cookie;
    final Facilitator facilitator;
    final ArchiveClient archive;
    /** A projector-sized browser, opened for the first test that asks for one. */
    private Browser browser;

    private Room(TestServer server, Vertx vertx, String cookie) {
      this.server = server;
      this.vertx = vertx;
      this.cookie = cookie;
      this.facilitator = new Facilitator(server, vertx, cookie);
      this.archive = new ArchiveClient(server);
    }

    static Room open(WithServer settings) {
      Map<String, String> env = new HashMap<>();
      if (settings.admin()) {
        env.put("DIALOOG_ADMIN", TestServer.ADMIN + ":" + TestServer.PASSWORD);
      }
      for (String pair : settings.env()) {
        int is = pair.indexOf('=');
        env.put(pair.substring(0, is), pair.substring(is + 1));
      }
      try {
        TestServer server = TestServer.start(env);
        return new Room(server, Vertx.vertx(), settings.admin() ? server.login() : null);
      } catch (Exception e) {
        throw new IllegalStateException("the test server did not start", e);
      }
    }

    Object value(Class<?> type) {
      if (type == TestServer.class) {
        return server;
      } else if (type == Vertx.class) {
        return vertx;
      } else if (type == Facilitator.class) {
        return facilitator;
      } else if (type == ArchiveClient.class) {
        return archive;
      } else if (type == String.class) {
        return cookie;
      } else if (type == Browser.class) {
        return browser();
      }
      throw new ParameterResolutionException("no " + type.getSimpleName() + " in a test server's room");
    }

    private Browser browser() {
      if (browser == null) {
        try {
          browser = Browser.screen();
        } catch (IOException e) {
          throw new IllegalStateException("no browser", e);
        }
      }
      return browser;
    }

    @Override
    public void close() throws Exception {
      if (browser != null) {
        browser.close();
      }
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } finally {
        server.close();
        deleteQuietly(server.dataDir());
      }
    }

    private static void deleteQuietly(Path dir) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary folder left behind is harmless
      }
    }
  }
}
