package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * GitHub Classroom as it grades: the template sockspec writes ({@code autograder classroom}), its
 * workflow valid by GitHub's workflow schema (SchemaStore's), and its steps run in order in a
 * look-alike of the runner (a container of the kit's runtime image with no network, this machine's
 * engine as the runner's Docker, the repository checked out at {@code $GITHUB_WORKSPACE}, the
 * {@code $GITHUB_OUTPUT} and {@code $GITHUB_STEP_SUMMARY} files); the last step is Classroom's own reporter, its published bundle run with node
 * as Actions runs it ({@code INPUT_RUNNERS}, {@code <ID>_RESULTS}): the {@code Points X/Y} it posts
 * is checked for a correct, a partial and an empty submission, and beside a command-grader runner.
 * The third-party programs are test fixtures (test resources, third-party/classroom/README.md).
 */
class ClassroomIT {
  private static final Path HANDOUT = Path.of("../impl/src/test/resources/handout");
  private static final Path FIXTURES = Path.of("src/test/resources/third-party/classroom");
  private static final Pattern POINTS = Pattern.compile("::notice title=Autograding complete::Points (\\S+)/(\\S+)");

  @TempDir
  static Path dir;

  private static Path template;

  @BeforeAll
  static void writeTheTemplate() throws Exception {
    template = dir.resolve("template");
    PackagedCommand.Run run = PackagedCommand.run(dir, "autograder",
        "classroom", "--out", template.toString());
    assertThat(run.status()).as(run.out() + run.err()).isZero();
  }

  @Test
  void theTemplateHoldsTheWorkflowTheKitTheManifestAndTheRuntimeRecipe() throws Exception {
    for (String file : List.of(".github/workflows/classroom.yml", ".sockspec/sockspec.jar", ".sockspec/lab.toml",
        ".sockspec/runtime/Dockerfile", ".sockspec/runtime/packages", ".sockspec/runtime/setup.sh",
        ".sockspec/runtime/image")) {
      assertThat(template.resolve(file)).as(file).isRegularFile();
    }
    assertThat(Files.readString(template.resolve(".sockspec/runtime/image")).strip())
        .isEqualTo(org.sockspec.bench.Sandboxes.runtimeImage());
  }

  @Test
  void theWorkflowIsValidByGitHubsWorkflowSchema() throws Exception {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(Files.readString(FIXTURES.resolve("github-workflow.schema.json")));
    String workflow = Files.readString(template.resolve(".github/workflows/classroom.yml"));
    assertThat(schema.validate(workflow, InputFormat.YAML)).isEmpty();
    // The schema is not a blank cheque: a step with both uses and run, or an unknown key, is refused.
    assertThat(schema.validate(workflow.replace("timeout-minutes: 30", "timeout-minute: 30"), InputFormat.YAML))
        .isNotEmpty();
  }

  @Test
  void aCorrectSubmissionGetsEveryPoint() throws Exception {
    Path workspace = checkout("correct", HANDOUT, null);
    Steps steps = runTheWorkflow(workspace);
    assertThat(steps.points()).isEqualTo(List.of("36", "36"));
    assertThat(steps.summary()).contains("## sockspec: 36 of 36 points");
    assertThat(workspace.resolve("sockspec-report/report.md")).isRegularFile();
    assertThat(steps.reporter()).contains("Total points for sockspec: 36.00/36");
    JsonNode result = new ObjectMapper().readTree(Base64.getDecoder().decode(steps.result()));
    assertThat(result.path("version").asInt()).isEqualTo(1);
    assertThat(result.path("status").asText()).isEqualTo("pass");
    assertThat(result.path("tests").size()).as("a test per program and spec, INFO ones at 0 points included").isEqualTo(26);
  }

  @Test
  void aPartialSubmissionGetsThePointsOfWhatPasses() throws Exception {
    Path workspace = checkout("partial", HANDOUT, List.of("srv_tcp.py", "srv_udp.py"));
    Steps steps = runTheWorkflow(workspace);
    assertThat(steps.points()).isEqualTo(List.of("17", "36")); // srv_tcp.py's 8 and srv_udp.py's 9
    assertThat(steps.log()).contains("srv_tcp_fork.py: mtcp.concurrent: 0/2 (not handed in)");
    assertThat(steps.summary()).contains("not handed in");
  }

  @Test
  void anEmptySubmissionGetsNone() throws Exception {
    Path workspace = checkout("empty", HANDOUT, List.of());
    Steps steps = runTheWorkflow(workspace);
    assertThat(steps.points()).isEqualTo(List.of("0", "36"));
  }

  @Test
  void aCommandGraderBesideTheKitAddsUp() throws Exception {
    Path workspace = checkout("mixed", HANDOUT, null);
    Steps steps = runTheWorkflow(workspace);
    Path output = Files.createFile(workspace.resolve("../mixed-command-output"));
    Map<String, String> env = new LinkedHashMap<>(Map.of("GITHUB_OUTPUT", output.toString(),
        "INPUT_TEST-NAME", "README present", "INPUT_COMMAND", "test -f README.md", "INPUT_MAX-SCORE", "10",
        "INPUT_TIMEOUT", "1"));
    Files.writeString(workspace.resolve("README.md"), "my lab\n");
    Result grader = run(workspace, env, "node", FIXTURES.resolve("autograding-command-grader-v1.js").toAbsolutePath()
        .toString());
    assertThat(grader.status()).as(grader.out()).isZero();
    String readme = outputs(output).get("result");
    assertThat(readme).isNotNull();
    Result reporter = run(workspace, Map.of("INPUT_RUNNERS", "sockspec,readme", "SOCKSPEC_RESULTS", steps.result(),
        "README_RESULTS", readme), "node", FIXTURES.resolve("autograding-grading-reporter-v1.js").toAbsolutePath()
        .toString());
    assertThat(points(reporter.out())).isEqualTo(List.of("46", "46"));
  }

  // ---- the look-alike runner ----

  /**
   * The student's repository made from the template, with {@code files} of the handout's programs
   * (null: all), the select server one that answers (the handout's never does).
   */
  private static Path checkout(String name, Path programs, List<String> files) throws IOException {
    Path workspace = Files.createDirectories(dir.resolve(name).resolve("workspace"));
    copyTree(template, workspace);
    try (Stream<Path> entries = Files.list(programs)) {
      for (Path file : entries.filter(Files::isRegularFile).toList()) {
        if (files == null || files.contains(file.getFileName().toString())) {
          Files.copy(file, workspace.resolve(file.getFileName().toString()));
        }
      }
    }
    if (files == null) {
      Files.copy(Path.of("../examples/python/srv_tcp_select.py"), workspace.resolve("srv_tcp_select.py"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return workspace;
  }

  /** What the workflow's steps left: the grading step's result and log, the summary, the reporter's output. */
  private record Steps(String result, String log, String summary, String reporter) {
    List<String> points() {
      return ClassroomIT.points(reporter);
    }
  }

  /**
   * Runs the workflow's steps in order as the runner would: each {@code run} script by bash in a
   * look-alike of the runner, a container of the kit's runtime image (Java, node, bash) with no
   * network, this machine's engine as the runner's Docker (its socket and the docker command mounted),
   * the repository at {@code $GITHUB_WORKSPACE} and the runner's {@code $GITHUB_OUTPUT},
   * {@code $GITHUB_STEP_SUMMARY} and {@code $RUNNER_TEMP}; the actions by what they do here (the
   * checkout is {@link #checkout}, Java is the image's, the artifact's folder is checked, the reporter
   * is its published bundle, run by node as Actions runs it).
   */
  private static Steps runTheWorkflow(Path workspace) throws Exception {
    JsonNode workflow = new YAMLMapper().readTree(workspace.resolve(".github/workflows/classroom.yml").toFile());
    JsonNode steps = workflow.path("jobs").path("run-autograding-tests").path("steps");
    Path runner = workspace.getParent();
    Files.createDirectories(runner.resolve("runner-temp"));
    Path output = Files.createFile(runner.resolve("github-output"));
    Path summary = Files.createFile(runner.resolve("step-summary"));
    Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
    String log = "";
    String reporter = "";
    for (JsonNode step : steps) {
      String uses = step.path("uses").asText("");
      if (step.has("run")) {
        Result result = run(workspace, Map.of(), onTheRunner(runner, step.get("run").asText()));
        assertThat(result.status()).as(step.path("name").asText() + ":\n" + result.out()).isZero();
        if (step.has("id")) {
          outputs.put(step.get("id").asText(), ClassroomIT.outputs(output));
          log = result.out();
        }
      } else if (uses.startsWith("classroom-resources/autograding-grading-reporter@")) {
        Map<String, String> reporterEnv = new LinkedHashMap<>();
        step.path("env").properties().forEach(e -> reporterEnv.put(e.getKey(), expression(e.getValue().asText(),
            outputs)));
        reporterEnv.put("INPUT_RUNNERS", step.path("with").path("runners").asText());
        reporter = run(workspace, reporterEnv, "node", FIXTURES.resolve("autograding-grading-reporter-v1.js")
            .toAbsolutePath().toString()).out();
      } else if (uses.startsWith("actions/upload-artifact@")) {
        assertThat(workspace.resolve(step.path("with").path("path").asText())).isDirectory();
      }
    }
    return new Steps(outputs.get("sockspec").get("result"), log, Files.readString(summary), reporter);
  }

  /** The docker command line that runs {@code script} on the look-alike runner whose files are in {@code runner}. */
  private static String[] onTheRunner(Path runner, String script) {
    String socket = Path.of(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock")
        .replaceFirst("^unix://", "")).toString();
    String docker = java.util.Arrays.stream(System.getenv("PATH").split(":")).map(d -> Path.of(d, "docker"))
        .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError("no docker command here"))
        .toString();
    return new String[] {"docker", "run", "--rm", "--network", "none",
        "-v", runner.toAbsolutePath() + ":/github", "-v", socket + ":/var/run/docker.sock",
        "-v", docker + ":/usr/bin/docker:ro",
        "-e", "GITHUB_WORKSPACE=/github/workspace", "-e", "GITHUB_OUTPUT=/github/github-output",
        "-e", "GITHUB_STEP_SUMMARY=/github/step-summary", "-e", "RUNNER_TEMP=/github/runner-temp",
        "-w", "/github/workspace", org.sockspec.bench.Sandboxes.runtimeImage(), "bash", "-e", "-c", script};
  }

  /** {@code ${{steps.ID.outputs.NAME}}} read from what the steps set, the one expression the template uses. */
  private static String expression(String text, Map<String, Map<String, String>> outputs) {
    Matcher m = Pattern.compile("\\$\\{\\{\\s*steps\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)\\s*}}").matcher(text);
    return m.matches() ? outputs.getOrDefault(m.group(1), Map.of()).getOrDefault(m.group(2), "") : text;
  }

  /** A {@code $GITHUB_OUTPUT} file: {@code name=value} lines, or {@code name<<DELIMITER} ... {@code DELIMITER}. */
  private static Map<String, String> outputs(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      int equals = line.indexOf('=');
      if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
        String delimiter = line.substring(heredoc + 2);
        StringBuilder value = new StringBuilder();
        while (++i < lines.size() && !lines.get(i).equals(delimiter)) {
          value.append(value.length() == 0 ? "" : "\n").append(lines.get(i));
        }
        values.put(line.substring(0, heredoc), value.toString());
      } else if (equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return values;
  }

  private static List<String> points(String reporterOutput) {
    Matcher m = POINTS.matcher(reporterOutput);
    assertThat(m.find()).as("the reporter's Points notice in:\n" + reporterOutput).isTrue();
    return List.of(m.group(1), m.group(2));
  }

  private record Result(int status, String out) {}

  private static Result run(Path cwd, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Path out = Files.createTempFile(dir, "step", ".log");
    builder.redirectOutput(out.toFile());
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("a step ran 10 minutes: " + String.join(" ", command));
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path path : all.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
