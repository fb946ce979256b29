package org.personalshopper.adapters.web.session;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources that act for a signed-in shopper. Bound by name to the authentication filter, so the
 * check follows the matched resource, not a path prefix that a crafted URL could dodge.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SessionRequired {
}
