package org.floodready.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which node of a {@link FloodReadyTest#nodes() cluster test} an {@link Api}, {@link Users}, {@link TestServer}
 * or {@link NodeProcess} parameter belongs to: {@code "a"} (the default, in this JVM), {@code "b"}, {@code "c"}...
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface On {
  String value();
}
