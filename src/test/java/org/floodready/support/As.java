package org.floodready.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which user an {@link Api} parameter is logged in as: a demo user ({@code admin}, {@code duty} the duty
 * officer, {@code keeper}, {@code chief} the river chief, {@code inspector}, {@code viewer}, or another demo
 * account such as {@code keeper_b}) with the demo password. An {@link Api} parameter without it, or with
 * {@link #ANONYMOUS}, is not logged in.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface As {
  String ANONYMOUS = "";

  String value();
}
