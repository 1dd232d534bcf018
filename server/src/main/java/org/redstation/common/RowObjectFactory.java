package org.redstation.common;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * Builds mapped rows through constructors made accessible once. MyBatis' {@link DefaultObjectFactory} calls a row
 * type's constructor and, only when that throws {@link IllegalAccessException}, makes it accessible and calls it again
 * — every time. Our row types are package-private (a feature keeps its rows to itself), so every mapped row paid for
 * an exception and its stack trace: 3.6% of the server's CPU in the booking benchmark (bench/README).
 */
final class RowObjectFactory extends DefaultObjectFactory {
    private record Shape(Class<?> type, List<Class<?>> argTypes) {
    }

    private final Map<Shape, Constructor<?>> constructors = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T create(Class<T> type, List<Class<?>> argTypes, List<Object> args) {
        boolean noArgs = argTypes == null || args == null;
        Constructor<?> c = constructors.computeIfAbsent(
                new Shape(resolveInterface(type), noArgs ? List.of() : new ArrayList<>(argTypes)), RowObjectFactory::accessible);
        if (c != null) {
            try {
                return (T) c.newInstance(noArgs ? new Object[0] : args.toArray());
            } catch (ReflectiveOperationException | RuntimeException e) {
                // MyBatis' own path below, with its error message
            }
        }
        return super.create(type, argTypes, args);
    }

    /** null (not cached) when there is no such constructor: MyBatis' own path then says what is wrong. */
    private static Constructor<?> accessible(Shape s) {
        try {
            Constructor<?> k = s.type().getDeclaredConstructor(s.argTypes().toArray(Class<?>[]::new));
            k.setAccessible(true);
            return k;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
