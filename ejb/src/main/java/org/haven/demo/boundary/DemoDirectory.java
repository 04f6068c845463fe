package org.haven.demo.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.haven.access.boundary.AccessPolicy;
import org.haven.access.boundary.Caller;
import org.haven.services.boundary.ProviderDetails;
import org.haven.services.boundary.ServiceDirectory;

/**
 * The demo's provider directory: at least one provider for every service type of the catalogue in
 * each demo team's area, so a new user can write a referral at once. Entered as the demo
 * administrator through the directory's own boundary (checked and audited like any entry), and only
 * into an empty directory: what an administrator changed survives a restart.
 */
@Stateless
@RunAs(AccessPolicy.ADMIN)
@PermitAll
public class DemoDirectory {

  private static final List<String> NORTH = List.of("North");
  private static final List<String> SOUTH = List.of("South");
  private static final List<String> BOTH = List.of("North", "South");

  /** Fictional organisations; the numbers are from the range kept for drama (+44 20 7946 0xxx). */
  static final List<ProviderDetails> PROVIDERS =
      List.of(
          provider("Safe House North", "0101", List.of("SHELTER", "PSYCHOSOCIAL"), NORTH, 24),
          provider("Harbour Shelter South", "0102", List.of("SHELTER"), SOUTH, 24),
          provider("Community Health Clinic", "0103", List.of("MEDICAL", "PSYCHOSOCIAL"), BOTH, 48),
          provider("Legal Aid Collective", "0104", List.of("LEGAL_AID"), BOTH, 72),
          provider(
              "Homeward Return Programme",
              "0105",
              List.of("RETURN_AND_REINTEGRATION", "FAMILY_TRACING"),
              BOTH,
              120),
          provider("Skills for Work", "0106", List.of("LIVELIHOOD", "EDUCATION"), BOTH, 168),
          provider("Voices Interpreting Service", "0107", List.of("INTERPRETATION"), BOTH, 24));

  @Inject ServiceDirectory directory;
  @Inject Caller caller;

  /** Fills an empty directory; returns how many providers were entered. */
  public int load() {
    DemoUser admin = DemoUser.ADMIN;
    caller.identify(admin.subject(), admin.username(), admin.name(), List.of());
    if (directory.hasProviders(true)) {
      return 0;
    }
    PROVIDERS.forEach(p -> directory.saveProvider(null, p, null));
    return PROVIDERS.size();
  }

  private static ProviderDetails provider(
      String name, String line, List<String> services, List<String> areas, int responseHours) {
    String domain = name.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example.org";
    return new ProviderDetails(
        name,
        services,
        areas,
        "+44 20 7946 " + line,
        "intake@" + domain,
        Integer.parseInt(line) + " " + areas.get(0) + " Road",
        responseHours,
        true);
  }
}
