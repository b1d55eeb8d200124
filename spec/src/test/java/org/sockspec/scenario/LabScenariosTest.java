package org.sockspec.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.Kind;

/** A scenario file is read as data, and every mistake in one is told with its file, line and key, and the valid forms. */
class LabScenariosTest {
  private static final String HEAD = "title = \"t\"\n[programs]\n\"s.py\" = \"tcp\"\n\n";

  private static List<Scenario> parse(String scenarios) {
    return LabScenarios.parse(HEAD + scenarios, Path.of("lab.toml"), "lab.toml");
  }

  private static String scenario(String steps) {
    return "[[scenarios]]\nid = \"lab.one\"\nsummary = \"s\"\nkinds = [\"tcp\"]\nsteps = [\n" + steps + "]\n";
  }

  @Test
  void aWholeScenarioIsReadIntoItsSteps() {
    List<Scenario> read = parse(scenario("""
          { connect = "A" },
          { client = "A", send = "hi" },
          { client = "A", expect = "answer" },
          { client = "A", expect = "nothing", for = "500ms" },
          { socket-of = "A", state = "established", unread = 0 },
          { counter = "TcpExtListenOverflows", at-least = 0 },
          { printed = "got (\\\\d+)", count = 2, within = "1.5 s" },
        """));
    assertThat(read).hasSize(1);
    Scenario s = read.get(0);
    assertThat(s.id()).isEqualTo("lab.one");
    assertThat(s.where()).isEqualTo("lab.toml:5");
    assertThat(s.steps()).extracting(Scenario.WrittenStep::step).hasExactlyElementsOfTypes(Step.Connect.class,
        Step.Send.class, Step.ExpectAnswer.class, Step.ExpectNothing.class, Step.SocketOf.class, Step.Counter.class,
        Step.Printed.class);
    assertThat(((Step.ExpectNothing) s.steps().get(3).step()).window().toMillis()).isEqualTo(500);
    assertThat(((Step.Printed) s.steps().get(6).step()).within().toMillis()).isEqualTo(1500);
    assertThat(((Step.Counter) s.steps().get(5).step()).group()).isEqualTo("TcpExt");
    assertThat(s.windows()).isEqualTo(1);
    assertThat(s.expectsSomething()).isTrue();
  }

  @Test
  void anUnknownStepIsToldWithItsLineKeyAndTheActions() {
    assertThatThrownBy(() -> parse(scenario("  { connect = \"A\" },\n  { client = \"A\", shout = \"hi\" },\n")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("lab.toml:11: scenario 'lab.one', step 2, key 'shout'")
        .hasMessageContaining("'shout' is not an action").hasMessageContaining("send-line");
    assertThatThrownBy(() -> parse(scenario("  { connect = \"A\" },\n  { client = \"A\", expect-mach = \"x\" },\n")))
        .hasMessageContaining("key 'expect-mach'").hasMessageContaining("did you mean expect-match?");
    assertThatThrownBy(() -> parse(scenario("  { connect = \"A\" },\n  { client = \"A\", send = \"x\", close = \"A\" },\n")))
        .hasMessageContaining("several (send, close)");
    assertThatThrownBy(() -> parse(scenario("  { connect = \"A\", within = 2 },\n")))
        .hasMessage("lab.toml:10: scenario 'lab.one', step 1, key 'within': within is a text in quotes, got 2");
  }

  @Test
  void aPatternThatDoesNotCompileIsTold() {
    assertThatThrownBy(() -> parse(scenario("  { printed = \"(unclosed\" },\n")))
        .hasMessageStartingWith("lab.toml:10: scenario 'lab.one', step 1, key 'printed'")
        .hasMessageContaining("not a regular expression");
  }

  @Test
  void aWindowThatIsNotADurationIsToldWithTheValidForms() {
    assertThatThrownBy(() -> parse(scenario("  { connect = \"A\" },\n  { client = \"A\", expect = \"nothing\", for = \"soon\" },\n")))
        .hasMessageStartingWith("lab.toml:11: scenario 'lab.one', step 2, key 'for'")
        .hasMessageContaining("\"500ms\"");
    assertThatThrownBy(() -> parse(scenario("  { client = \"A\", expect = \"nothing\", for = \"10 min\" },\n")))
        .hasMessageContaining("key 'for'");
  }

  @Test
  void aStepTheKindCannotDoIsTold() {
    String udp = "[[scenarios]]\nid = \"lab.udp\"\nsummary = \"s\"\nkinds = [\"udp\"]\nsteps = [ { connect = \"A\" } ]\n";
    assertThatThrownBy(() -> parse(udp)).hasMessageContaining("key 'kinds'")
        .hasMessageContaining("UDP has no connect");
    String client = "[[scenarios]]\nid = \"lab.c\"\nsummary = \"s\"\nkinds = [\"client-tcp\"]\nsteps = [ { model = \"one-process\" } ]\n";
    assertThatThrownBy(() -> parse(client)).hasMessageContaining("is a client");
  }

  @Test
  void anUnknownKindOrKeyOrMissingSummaryIsTold() {
    assertThatThrownBy(() -> parse("[[scenarios]]\nid = \"a.b\"\nsummary = \"s\"\nkinds = [\"tcp-forks\"]\nsteps = [ { connect = \"A\" } ]\n"))
        .hasMessageStartingWith("lab.toml:8: scenario 'a.b', key 'kinds'").hasMessageContaining("tcp-fork");
    assertThatThrownBy(() -> parse("[[scenarios]]\nid = \"a.b\"\nsumary = \"s\"\nkinds = [\"tcp\"]\nsteps = [ { connect = \"A\" } ]\n"))
        .hasMessageContaining("key 'sumary': unknown key");
    assertThatThrownBy(() -> parse("[[scenarios]]\nid = \"a.b\"\nkinds = [\"tcp\"]\nsteps = [ { connect = \"A\" } ]\n"))
        .hasMessageContaining("key 'summary'");
  }

  @Test
  void aStepThatNeedsWhatNoStepBeforeItGaveIsTold() {
    assertThatThrownBy(() -> parse(scenario("  { connect = \"A\" },\n  { client = \"B\", send = \"hi\" },\n")))
        .hasMessageContaining("key 'kinds'").hasMessageContaining("step 2").hasMessageContaining("client B never connected");
    assertThatThrownBy(() -> parse(scenario("  { connect = \"A\" },\n  { client = \"A\", expect = \"answer\" },\n")))
        .hasMessageContaining("the answer is to client A's last message");
    assertThatThrownBy(() -> parse(scenario("  { connect = \"A\" },\n  { close = \"A\" },\n"
        + "  { client = \"A\", send = \"late\" },\n"))).hasMessageContaining("client A was closed before it");
    String client = "[[scenarios]]\nid = \"p.s\"\nsummary = \"s\"\nkinds = [\"client-udp\"]\nsteps = [ { received = 1 } ]\n";
    assertThatThrownBy(() -> parse(client)).hasMessageContaining("add { serve = \"udp\" } before it");
    String kernelOnly = "[[scenarios]]\nid = \"k.s\"\nsummary = \"s\"\nkinds = [\"tcp\"]\nstarts-program = false\n"
        + "steps = [ { connect = \"A\", expect = \"refused\" }, { printed = \"x\" } ]\n";
    assertThatThrownBy(() -> parse(kernelOnly)).hasMessageContaining("starts-program = false");
    String udp = "[[scenarios]]\nid = \"u.s\"\nsummary = \"s\"\nkinds = [\"udp\"]\n"
        + "steps = [ { client = \"A\", send = \"x\" }, { client = \"A\", expect = \"answer\" } ]\n";
    assertThat(parse(udp)).hasSize(1); // a UDP client is opened by its first send
  }

  @Test
  void theExampleLabsScenariosAreRead() {
    for (String lab : List.of("chat", "pinger", "web", "handout-as-scenarios")) {
      List<Scenario> scenarios = LabScenarios.read(Path.of("..", "examples", "labs", lab, "lab.toml"));
      assertThat(scenarios).as(lab).hasSizeGreaterThanOrEqualTo(3);
      for (Scenario s : scenarios) {
        s.kinds().forEach(kind -> assertThat(s.problemsFor(kind)).as(s.id() + " as " + kind).isEmpty());
        assertThat(s.expectsSomething()).as(s.id()).isTrue();
      }
    }
  }

  @Test
  void idsThatCollideAreTold() {
    String one = "[[scenarios]]\nid = \"a.b\"\nsummary = \"s\"\nkinds = [\"tcp\"]\nsteps = [ { connect = \"A\" } ]\n";
    assertThatThrownBy(() -> parse(one + "\n" + one)).hasMessageStartingWith("lab.toml:11: key 'id'")
        .hasMessageContaining("already the id of the scenario at lab.toml:5");
  }

  @Test
  void notTomlIsToldWithItsLine() {
    assertThatThrownBy(() -> parse("[[scenarios]]\nid = \"a.b\nsummary = 3\n")).isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("lab.toml:").hasMessageContaining("not valid TOML");
  }

  @Test
  void aDroppedShareIsTheSameEveryTimeAndNeedsItsSeed() {
    String serve = "[[scenarios]]\nid = \"p.s\"\nsummary = \"s\"\nkinds = [\"client-udp\"]\nsteps = [\n"
        + "  { serve = \"udp\", drop-share = 0.3, seed = 7 },\n  { received = 10 },\n]\n";
    List<Integer> first = ((Step.Serve) parse(serve).get(0).steps().get(0).step()).drop();
    List<Integer> again = ((Step.Serve) parse(serve).get(0).steps().get(0).step()).drop();
    assertThat(first).isEqualTo(again).isNotEmpty();
    assertThat(first.stream().filter(n -> n <= 100).count()).isBetween(15L, 45L);
    assertThatThrownBy(() -> parse(serve.replace(", seed = 7", ""))).hasMessageContaining("needs its seed");
  }

  @Test
  void aScenarioOfActionsAloneCannotFail() {
    Scenario actions = parse(scenario("  { connect = \"A\" },\n  { client = \"A\", send = \"x\" },\n")).get(0);
    assertThat(actions.expectsSomething()).isTrue(); // a connect is judged
    Scenario none = parse("[[scenarios]]\nid = \"c.x\"\nsummary = \"s\"\nkinds = [\"client-tcp\"]\n"
        + "steps = [ { type = \"hello\" } ]\n").get(0);
    assertThat(none.expectsSomething()).isFalse();
    assertThat(none.problemsFor(Kind.TCP)).isNotEmpty();
  }
}
