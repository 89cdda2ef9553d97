package dev.worldmind.cli;

import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.events.ExportFormat;
import dev.worldmind.model.train.OptimizerKind;
import dev.worldmind.model.train.ScheduleKind;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lower-case names for the enums on the command line. */
final class EnumConverters {
    private EnumConverters() {}

    static final class OptimizerConverter implements ITypeConverter<OptimizerKind> {
        @Override
        public OptimizerKind convert(String value) {
            return parse(OptimizerKind.class, value);
        }
    }

    static final class ScheduleConverter implements ITypeConverter<ScheduleKind> {
        @Override
        public ScheduleKind convert(String value) {
            return parse(ScheduleKind.class, value);
        }
    }

    static final class EventKindConverter implements ITypeConverter<EventKind> {
        @Override
        public EventKind convert(String value) {
            return parse(EventKind.class, value);
        }
    }

    static final class ExportFormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            return parse(ExportFormat.class, value);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                known.append(known.length() == 0 ? "" : ", ")
                        .append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new TypeConversionException("'" + value + "' is not one of " + known);
        }
    }
}
