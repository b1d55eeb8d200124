package org.sockspec.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages the kit knows a program's file or folder by, and for each how it is built (a shell
 * command run in a writable copy of its folder, see {@link Build}) and how what it built is run.
 * Known by the file's extension; a folder by its {@code go.mod} or {@code Makefile}.
 *
 * <p>The build commands are the ones a student types: {@code cc -O2 -Wall -o NAME FILE}, {@code c++
 * ...}, {@code javac -d . FILE}, {@code go build -o NAME FILE}, {@code make}; NAME is the file's name
 * without its extension.
 */
public enum Language {
  PYTHON("Python", ".py"),
  JAR("a Java archive", ".jar"),
  C("C", ".c"),
  CPP("C++", ".cpp", ".cc", ".cxx"),
  JAVA("Java source", ".java"),
  GO("Go", ".go"),
  NODE("JavaScript (Node)", ".js", ".mjs", ".cjs"),
  /** A folder with a {@code go.mod}: built with {@code go build}, run as the folder's name. */
  GO_MODULE("a Go module"),
  /** A folder with a {@code Makefile}: built with {@code make}; what to run is the user's to say. */
  MAKE("a Makefile"),
  /** Any other file: run as it is (an executable, a script with its #! line). */
  EXECUTABLE("an executable");

  /** What the kit runs with no options, for messages. */
  public static final String KNOWN = "a .py, .jar, .c, .cpp, .cc, .java, .go or .js file, or a folder with a go.mod";

  private final String description;
  private final List<String> extensions;

  Language(String description, String... extensions) {
    this.description = description;
    this.extensions = List.of(extensions);
  }

  /** "C", "Java source", "a Makefile": for messages. */
  public String description() {
    return description;
  }

  /** The language of a program file named {@code name}. */
  public static Language ofFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Language language : values()) {
      if (language.extensions.stream().anyMatch(lower::endsWith)) {
        return language;
      }
    }
    return EXECUTABLE;
  }

  /**
   * The language of a folder from the names of the files at its top: a Go module, a Makefile, or
   * none (the user says how to run it).
   */
  public static Optional<Language> ofFolder(java.util.Collection<String> topNames) {
    if (topNames.contains("go.mod")) {
      return Optional.of(GO_MODULE);
    }
    if (topNames.contains("Makefile") || topNames.contains("makefile") || topNames.contains("GNUmakefile")) {
      return Optional.of(MAKE);
    }
    return Optional.empty();
  }

  /** Whether a program in it is built before it runs. */
  public boolean isBuilt() {
    return this == C || this == CPP || this == JAVA || this == GO || this == GO_MODULE || this == MAKE;
  }

  /**
   * The build command for the program {@code file} ({@code source}: its bytes, for a Java source's
   * package), or for a folder named {@code file}; empty for a language that is not built.
   */
  public Optional<String> buildCommand(String file, byte[] source) {
    String name = Shell.quote(stem(file));
    String quoted = Shell.quote(file);
    return Optional.ofNullable(switch (this) {
      case C -> "cc -O2 -Wall -o " + name + " " + quoted;
      case CPP -> "c++ -O2 -Wall -o " + name + " " + quoted;
      case JAVA -> "javac -d . " + quoted;
      case GO -> "go build -o " + name + " " + quoted;
      case GO_MODULE -> "go build -o " + name + " .";
      case MAKE -> "make";
      default -> null;
    });
  }

  /**
   * How the program {@code file} (or a folder's program, for a Go module) runs once built; empty for
   * a Makefile's, which the user names with {@code --cmd}.
   */
  public Optional<List<String>> runCommand(String file, byte[] source) {
    return Optional.ofNullable(switch (this) {
      case PYTHON -> List.of("python3", file);
      case JAR -> List.of("java", "-jar", file);
      case NODE -> List.of("node", file);
      case JAVA -> List.of("java", "-cp", ".", javaClass(file, source));
      case C, CPP, GO, GO_MODULE -> List.of("./" + stem(file));
      case EXECUTABLE -> List.of("./" + file);
      case MAKE -> null;
    });
  }

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_][\\w.]*)\\s*;");

  /** A Java source's class to run: its name, in its package if it declares one. */
  static String javaClass(String file, byte[] source) {
    String name = stem(file);
    Matcher declared = PACKAGE.matcher(new String(source == null ? new byte[0] : source, StandardCharsets.UTF_8));
    return declared.find() ? declared.group(1) + "." + name : name;
  }

  /** The file's name without its extension ("srv_tcp.c" is "srv_tcp"); a folder's name as it is. */
  static String stem(String file) {
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  /** Quoting for the shell: a word the shell reads back exactly. */
  static final class Shell {
    private Shell() {}

    static String quote(String word) {
      return word.matches("[A-Za-z0-9_./+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
  }
}
