package org.sockspec.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.LimitEvidence;
import org.sockspec.bench.SandboxLimit;
import org.sockspec.probe.protocol.Protocol;
import org.sockspec.spec.Cause;

/** Every kind of cause is written with its kind and every field it has, and a missing fact is left out. */
class CauseFieldsTest {
  /** A value of every component type the causes use. */
  private static Object sample(Class<?> type) {
    if (type == String.class) {
      return "x";
    }
    if (type == int.class || type == Integer.class) {
      return 7;
    }
    if (type == long.class || type == Long.class) {
      return 7L;
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == Boolean.class) {
      return Boolean.TRUE;
    }
    if (type == List.class) {
      return List.of("a", "b");
    }
    if (type == Protocol.class) {
      return Protocol.UDP;
    }
    if (type == SandboxLimit.class) {
      return SandboxLimit.DISK;
    }
    if (type == LimitEvidence.class) {
      return LimitEvidence.PROGRAM_ERROR;
    }
    if (type == Cause.class) {
      return new Cause.Kit("nested");
    }
    throw new AssertionError("no sample for " + type);
  }

  private static Cause instance(Class<?> kind) throws Exception {
    RecordComponent[] components = kind.getRecordComponents();
    Constructor<?> canonical = kind.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
        .toArray(Class<?>[]::new));
    return (Cause) canonical.newInstance(Arrays.stream(components).map(c -> sample(c.getType())).toArray());
  }

  @Test
  void everyKindIsWrittenWithItsKindAndEveryField() throws Exception {
    for (Class<?> kind : Cause.class.getPermittedSubclasses()) {
      JsonNode json = CauseFields.json(instance(kind));
      assertThat(json.path("kind").asText()).isEqualTo(Cause.kindOf(kind));
      for (RecordComponent component : kind.getRecordComponents()) {
        assertThat(json.has(component.getName())).as(Cause.kindOf(kind) + "." + component.getName()).isTrue();
      }
      assertThat(CauseFields.line(instance(kind))).startsWith(Cause.kindOf(kind));
    }
  }

  @Test
  void typesKeepTheirJsonTypesAndEnumsTheirWireNames() throws Exception {
    JsonNode json = CauseFields.json(new Cause.NeverListened(Protocol.TCP, 12800, 15_000));
    assertThat(json.path("protocol").asText()).isEqualTo("tcp");
    assertThat(json.path("port").isInt()).isTrue();
    assertThat(json.path("startupMs").isIntegralNumber()).isTrue();
    assertThat(CauseFields.json(new Cause.ListensElsewhere(Protocol.TCP, 12800, List.of("udp 0.0.0.0:12800"), true))
        .path("otherProtocol").isBoolean()).isTrue();
  }

  @Test
  void aFactTheKitDidNotHaveIsLeftOut() {
    JsonNode json = CauseFields.json(new Cause.Exited(null, 9, "listen on TCP port 12800"));
    assertThat(json.has("status")).isFalse();
    assertThat(json.path("signal").asInt()).isEqualTo(9);
    assertThat(CauseFields.line(new Cause.NoAnswer("client A", 3000, "timeout", null)))
        .isEqualTo("no-answer (who: client A; windowMs: 3000; ended: timeout)");
  }
}
