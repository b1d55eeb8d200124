package org.sockspec.cli.grade;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sockspec.bench.Kind;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.spec.Level;
import org.sockspec.spec.SpecInfo;

/**
 * What an instructor grades: which file of a submission is which kind of program, the points of
 * each spec, and which specs students see only after release. Read from TOML (see
 * {@code examples/lab.toml}); the lab's own manifest is built in ({@link #defaults()}).
 *
 * @param programs file name in a student's folder to the kind it is checked as, in grading order
 * @param points points per spec id; a spec not listed is worth {@code defaultPoints} (INFO: 0)
 * @param hidden spec ids shown to students only once grades are published
 */
public record LabManifest(String title, Map<String, Kind> programs, Map<String, Double> points,
    Set<String> hidden, double defaultPoints) {

  private static final String DEFAULT_RESOURCE = "default-lab.toml";

  public LabManifest {
    programs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(programs));
    points = Map.copyOf(points);
    hidden = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(hidden));
  }

  /** The manifest of the lab this kit is built for, as {@code --print-lab} prints it. */
  public static LabManifest defaults() {
    return parse(defaultText(), "the built-in manifest");
  }

  public static String defaultText() {
    try (InputStream in = LabManifest.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the built-in lab manifest is missing from this build of sockspec");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @throws IllegalArgumentException saying what is wrong in the file and how to fix it */
  public static LabManifest read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "there is no such file"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
      throw new IllegalArgumentException("cannot read the lab manifest " + file + ": " + why
          + " (print the default one with 'sockspec grade --print-lab')", e);
    }
  }

  /** @throws IllegalArgumentException naming {@code source} and the problem (unknown ids list the valid ones) */
  public static LabManifest parse(String toml, String source) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(toml);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + " is not valid TOML: " + e.getOriginalMessage(), e);
    }
    Map<String, Kind> programs = new LinkedHashMap<>();
    JsonNode table = root.path("programs");
    if (!table.isObject() || table.isEmpty()) {
      throw new IllegalArgumentException(source + " has no [programs] table: say which file is which kind, "
          + "e.g. \"srv_tcp.py\" = \"tcp\" (kinds: " + Kind.names() + ").");
    }
    for (Map.Entry<String, JsonNode> entry : table.properties()) {
      String file = entry.getKey();
      if (file.isBlank() || file.contains("/") || file.contains("\\") || file.equals("..")) {
        throw new IllegalArgumentException(source + ": [programs] names files of a student's folder, "
            + "not paths: '" + file + "'.");
      }
      try {
        programs.put(file, Kind.parse(entry.getValue().asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": [programs] \"" + file + "\": " + e.getMessage() + ".", e);
      }
    }
    Map<String, Double> points = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.path("points").properties()) {
      if (!entry.getValue().isNumber() || entry.getValue().asDouble() < 0) {
        throw new IllegalArgumentException(source + ": [points] \"" + entry.getKey()
            + "\" must be a number of points, 0 or more.");
      }
      points.put(entry.getKey(), entry.getValue().asDouble());
    }
    Set<String> hidden = new LinkedHashSet<>();
    root.path("hidden").forEach(id -> hidden.add(id.asText()));
    List<String> unknown = new ArrayList<>();
    points.keySet().stream().filter(id -> Catalogue.find(id).isEmpty()).forEach(unknown::add);
    hidden.stream().filter(id -> Catalogue.find(id).isEmpty() && !unknown.contains(id)).forEach(unknown::add);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(source + " names " + (unknown.size() == 1 ? "an unknown spec id: '"
          : "unknown spec ids: '") + String.join("', '", unknown) + "'. Valid ids: "
          + Catalogue.specs().stream().map(SpecInfo::id).collect(Collectors.joining(", "))
          + " ('sockspec specs' describes them).");
    }
    double defaultPoints = root.path("default_points").asDouble(1.0);
    String title = root.path("title").asText("Lab");
    return new LabManifest(title, programs, points, hidden, defaultPoints);
  }

  /** What {@code spec} is worth, for any program it applies to. */
  public double pointsOf(SpecInfo spec) {
    Double listed = points.get(spec.id());
    if (listed != null) {
      return listed;
    }
    return spec.level() == Level.INFO ? 0 : defaultPoints;
  }

  public boolean isHidden(String specId) {
    return hidden.contains(specId);
  }

  /** Every (program, spec) pair graded, in manifest then catalogue order: the columns of the class's reports. */
  public List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    programs.forEach((file, kind) -> Catalogue.specsFor(kind).forEach(spec -> columns.add(new Column(file, kind, spec))));
    return columns;
  }

  /** One graded spec of one program. */
  public record Column(String file, Kind kind, SpecInfo spec) {
    /** "srv_tcp.py: tcp.ack": the test's name in results.json and the CSV's header. */
    public String name() {
      return file + ": " + spec.id();
    }
  }
}
