package io.oriole.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a staff endpoint needs, checked before the request is read, so a refused caller learns nothing
 * from validation. On a method it replaces the one on its class. Every staff endpoint carries one; a test fails
 * the build on one that does not.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RequiresPermission {

    Permission value();
}
