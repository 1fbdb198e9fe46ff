package nl.dialoogtafel.templates;

/**
 * A session template that cannot be used. The message names the file and the field, e.g.
 * {@code transformatiedialoog.json: phases[2].kinds[0]: "verhaal" is not one of story, barrier},
 * because it is read by whoever edits the JSON by hand.
 */
public class TemplateException extends RuntimeException {
  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
