package nl.dialoogtafel.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

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
    ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag(language(language)),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = bundle.getString("error.unknown");
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
  }
}
