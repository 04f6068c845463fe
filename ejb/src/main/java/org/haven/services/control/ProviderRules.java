package org.haven.services.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.haven.services.boundary.ProviderDetails;
import org.haven.services.entity.Provider;

/**
 * What the directory accepts about a provider, one entry at a time or by CSV import: the checks,
 * with reasons a person can act on, and the cleaned details written to the provider.
 */
public final class ProviderRules {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_RESPONSE_HOURS = 24 * 365;

  private ProviderRules() {}

  /** Details that passed every check, cleaned. */
  public record Checked(
      String name,
      List<String> serviceTypes,
      List<String> areas,
      String phone,
      String email,
      String address,
      int responseTimeHours,
      boolean active) {}

  /** Checks the details; null with the reasons in {@code problems} ("field: reason") if bad. */
  public static Checked check(ProviderDetails d, Set<String> known, List<String> problems) {
    String name = d.name() == null ? "" : d.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      problems.add("name: give the provider's name (at most 200 characters)");
    }
    List<String> types =
        d.serviceTypes().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (types.isEmpty()) {
      problems.add("serviceTypes: name at least one service type the provider offers");
    }
    List<String> unknown = types.stream().filter(t -> !known.contains(t)).toList();
    if (!unknown.isEmpty()) {
      problems.add(
          "serviceTypes: not in the catalogue: "
              + String.join(", ", unknown)
              + " (known: "
              + String.join(", ", known.stream().sorted().toList())
              + ")");
    }
    List<String> areas = d.areas().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (areas.stream().anyMatch(a -> a.length() > 200)) {
      problems.add("areas: each area must be at most 200 characters");
    }
    if (d.phone() != null && d.phone().length() > 64) {
      problems.add("phone: must be at most 64 characters");
    }
    if (d.email() != null && (d.email().length() > 254 || !EMAIL.matcher(d.email()).matches())) {
      problems.add("email: must be an e-mail address");
    }
    if (d.address() != null && d.address().length() > 500) {
      problems.add("address: must be at most 500 characters");
    }
    if (d.responseTimeHours() == null
        || d.responseTimeHours() < 1
        || d.responseTimeHours() > MAX_RESPONSE_HOURS) {
      problems.add("responseTimeHours: give the agreed response time, 1 to 8760 hours");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new Checked(
        name,
        List.copyOf(new LinkedHashSet<>(types)),
        List.copyOf(new LinkedHashSet<>(areas)),
        blankToNull(d.phone()),
        blankToNull(d.email()),
        blankToNull(d.address()),
        d.responseTimeHours(),
        d.active() == null || d.active());
  }

  public static void apply(Provider provider, Checked c) {
    provider.describe(
        c.serviceTypes(),
        c.areas(),
        c.phone(),
        c.email(),
        c.address(),
        c.responseTimeHours(),
        c.active());
  }

  public static List<String> list(String cell) {
    return cell.isBlank() ? List.of() : List.of(cell.split(";"));
  }

  public static Integer hours(String cell, List<String> problems) {
    if (cell.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(cell.strip());
    } catch (NumberFormatException e) {
      problems.add("responseTimeHours: must be a whole number of hours");
      return -1;
    }
  }

  public static Boolean yes(String cell, List<String> problems) {
    return switch (cell.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> {
        problems.add("active: must be true or false");
        yield true;
      }
    };
  }

  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
