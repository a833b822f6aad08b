package org.floodready.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method of a {@link FloodReadyTest} class, without parameters, returning {@code String[]}: flags
 * known only when the class runs (e.g. the port of a fake mail server it starts there), added to every node's
 * {@link FloodReadyTest#args()}. The extension calls it once, before the first node starts.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NodeArgs {
}
