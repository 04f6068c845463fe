package org.haven.crypto.entity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a column that holds only ciphertext made by FieldCrypto. The value names the field in the
 * associated data ({@code survivor.givenNames}), which binds each ciphertext to its column: a value
 * copied to another column does not decrypt. A build test checks that every binary column of an
 * entity carries it and that the names are unique.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Protected {
  String value();
}
