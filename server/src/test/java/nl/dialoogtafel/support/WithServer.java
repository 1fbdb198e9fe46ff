package nl.dialoogtafel.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real server for a test class: started once before the class on a fresh data directory,
 * with the admin account, and stopped after it. Fields and parameters of type {@link TestServer},
 * {@link Facilitator}, {@link ArchiveClient}, {@code Vertx} and {@link Browser} (one projector-sized
 * browser for the class), and {@code String}s marked {@link AdminCookie}, are filled in by
 * {@link ServerExtension}; parameters may also ask for the {@code Server} itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(ServerExtension.class)
public @interface WithServer {

  /** Extra environment for the server, each as {@code NAME=value}. */
  String[] env() default {};

  /** False: no admin account is made (and nobody is logged in). */
  boolean admin() default true;

  /**
   * True: a server of its own for every test method, for tests that read the whole database
   * file and must not find another test's words in it.
   */
  boolean perTest() default false;
}
