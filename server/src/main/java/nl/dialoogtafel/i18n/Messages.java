package nl.dialoogtafel.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** Human sentences from the message bundles: Dutch unless English was asked for. */
public final class Messages {

  public static final String DUTCH = "nl";
  public static final String ENGLISH = "en";

  private Messages() {}

  /** The supported language closest to what was asked; Dutch by default. */
  public static String language(String requested) {
    return requested != null && requested.toLowerCase(Locale.ROOT).startsWith(ENGLISH) ? ENGLISH : DUTCH;
  }

  public static String text(String language, String key, Object... args) {
    String lang = language(language);
    String pattern = pattern(lang, key);
    if (args.length == 0) {
      return pattern;
    }
    // A page of a big record asks for thousands of sentences: each pattern is parsed once (keys
    // come from the code, so this stays small). A MessageFormat is not safe to share between
    // threads, so each is used under its own lock.
    MessageFormat format = FORMATS.computeIfAbsent(lang + '|' + key,
        k -> new MessageFormat(pattern, Locale.forLanguageTag(lang)));
    synchronized (format) {
      return format.format(args);
    }
  }

  private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

  private static String pattern(String language, String key) {
    ResourceBundle bundle = ENGLISH.equals(language) ? Bundles.EN : Bundles.NL;
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return bundle.getString("error.unknown");
    }
  }

  /** The two bundles, looked up once (the JDK's own cache still builds a key for every look-up). */
  private static final class Bundles {
    static final ResourceBundle NL = bundle(DUTCH);
    static final ResourceBundle EN = bundle(ENGLISH);

    private static ResourceBundle bundle(String language) {
      return ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag(language),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
  }
}
