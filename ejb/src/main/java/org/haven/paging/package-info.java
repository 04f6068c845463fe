/**
 * Paging: one page of a list as a user asks for it ({@code PageRequest}: page, size capped at 100,
 * sort) and as a boundary answers it ({@code Page}: the items and a count that may stop early).
 *
 * <p>A foundation feature that depends on no other feature of Haven. See docs/api/conventions.md.
 */
package org.haven.paging;
