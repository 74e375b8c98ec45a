package dev.cnn.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@link dev.cnn.api.backend.Backend} method a property of the kit checks. The kit's own
 * tests fail when a method of {@code Backend} is named by no property, so a new kernel cannot be
 * added to the SPI without a check.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChecksKernel {
    /** The name of the {@code Backend} method, for example {@code "conv2dBackwardData"}. */
    String value();
}
