package io.oriole.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * On a request's list, set or map: a {@code null} item or value is refused while the body is read, answered 422
 * naming it ({@code categories[0]}, {@code skills.refunds}), instead of reaching the modules, where a null in a list
 * used to end in a NullPointerException and a 500. A missing or null list itself stays allowed where the field is
 * optional. Every collection a request record carries wears it ({@code RequestListsTests} checks).
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSetter(contentNulls = Nulls.FAIL)
@interface NoNullItems {
}
