package org.sockspec.cli.report;

/** The report formats of {@code --format}, by their command-line names. */
public enum Format {
  text, json, junit, markdown;

  /** The reporter of this format; {@code style} colours text only, {@code ladders} shows passes' ladders in text. */
  public Reporter reporter(Style style, boolean ladders) {
    return switch (this) {
      case text -> new TextReporter(style, ladders);
      case json -> new JsonReporter();
      case junit -> new JunitXmlReporter();
      case markdown -> new MarkdownReporter(ladders);
    };
  }
}
