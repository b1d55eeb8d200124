package org.sockspec.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.sockspec.bench.Kind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Typed options: a bad value is a usage error whose message says what is allowed. */
final class Converters {
  private Converters() {}

  static final class KindConverter implements ITypeConverter<Kind> {
    @Override
    public Kind convert(String value) {
      try {
        return Kind.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The kinds' names, for help texts (${COMPLETION-CANDIDATES}). */
  static final class KindNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Kind.values()).map(Kind::id).iterator();
    }
  }

  static final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int port = Integer.parseInt(value.trim());
        if (port > 0 && port < 65536) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below, with what is allowed
      }
      throw new TypeConversionException("the port must be a number from 1 to 65535, got '" + value + "'");
    }
  }

  static final class TimeScaleConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      try {
        double scale = Double.parseDouble(value.trim());
        if (scale > 0 && scale <= 100) {
          return scale;
        }
      } catch (NumberFormatException e) {
        // reported below, with what is allowed
      }
      throw new TypeConversionException("the time scale must be a number above 0 and at most 100 "
          + "(2 doubles every wait, for a slow machine), got '" + value + "'");
    }
  }
}
