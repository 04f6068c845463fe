/**
 * Problems: what a boundary throws when a caller's request cannot be done, named so that the web
 * layer can answer it well. {@code InvalidField} names the field to change (400), {@code Conflict}
 * says what the record's state is and what to do instead (409), {@code NotFound} is a part of a
 * case that the case in scope does not have (404); each rolls the transaction back. {@code Checks}
 * holds the two input checks every boundary makes (a required text, the version the caller read).
 *
 * <p>A foundation feature that depends on no other feature of Haven. The web module turns these
 * into RFC 9457 problems ({@code org.haven.api}) and Faces messages. See docs/api/conventions.md.
 */
package org.haven.problems;
