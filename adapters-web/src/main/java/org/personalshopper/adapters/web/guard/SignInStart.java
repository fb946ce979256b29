package org.personalshopper.adapters.web.guard;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resource method that starts a sign-in, so {@link SignInRateLimitFilter} applies to it by the
 * method Jersey matched, whatever spelling of the path reached it (matrix parameters, encodings).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignInStart {
}
