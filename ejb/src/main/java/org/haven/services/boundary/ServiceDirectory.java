package org.haven.services.boundary;

import static org.haven.services.control.ProviderRules.apply;
import static org.haven.services.control.ProviderRules.blankToNull;
import static org.haven.services.control.ProviderRules.check;
import static org.haven.services.control.ProviderRules.hours;
import static org.haven.services.control.ProviderRules.list;
import static org.haven.services.control.ProviderRules.yes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.problems.Checks;
import org.haven.problems.Conflict;
import org.haven.problems.InvalidField;
import org.haven.services.control.CsvRows;
import org.haven.services.control.ProviderRules.Checked;
import org.haven.services.entity.Provider;
import org.haven.services.entity.ServiceType;

/**
 * The service catalogue and the provider directory. Staff read them to plan services and make
 * referrals; administrators keep them, one entry at a time or by CSV import. Nothing here is about
 * survivors, so reads are not audited; every change is.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR, AccessPolicy.ADMIN})
public class ServiceDirectory {

  /** The columns a provider CSV file has, in its header line, in this order. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "name",
          "serviceTypes",
          "areas",
          "phone",
          "email",
          "address",
          "responseTimeHours",
          "active");

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;

  /** The catalogue in its order; staff see the active types only. */
  public List<ServiceType> serviceTypes(boolean withRetired) {
    return em.createQuery(
            "select t from ServiceType t"
                + (withRetired ? "" : " where t.active = true")
                + " order by t.position, t.code",
            ServiceType.class)
        .getResultList();
  }

  /** Adds a service type, or renames, redescribes, retires or restores one. */
  @RolesAllowed(AccessPolicy.ADMIN)
  public ServiceType saveServiceType(String code, String name, String description, boolean active) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidField("code", "must be 2 to 40 capital letters, digits or _");
    }
    Checks.requireText("name", name, 200, "name the service");
    if (description != null && description.length() > 1000) {
      throw new InvalidField("description", "must be at most 1000 characters");
    }
    ServiceType type = em.find(ServiceType.class, code);
    if (type == null) {
      int last =
          em.createQuery("select coalesce(max(t.position), 0) from ServiceType t", Integer.class)
              .getSingleResult();
      type = new ServiceType(code, name.strip(), description, last + 10);
      em.persist(type);
    } else {
      type.describe(name.strip(), description);
    }
    type.setActive(active);
    audit.record(
        Entry.of(AuditAction.SERVICE_TYPE_SAVED, "service-type", code)
            .details(active ? "active" : "retired"));
    return type;
  }

  /**
   * The providers offering {@code serviceType} in {@code area} (either may be null: any), by name;
   * staff see the active ones only.
   */
  public List<ProviderEntry> providers(String serviceType, String area, boolean withInactive) {
    StringBuilder jpql = new StringBuilder("select distinct p from Provider p where 1 = 1");
    if (!withInactive) {
      jpql.append(" and p.active = true");
    }
    if (serviceType != null && !serviceType.isBlank()) {
      jpql.append(" and :type member of p.serviceTypes");
    }
    if (area != null && !area.isBlank()) {
      jpql.append(
          " and lower(:area) in (select lower(a) from Provider q join q.areas a where q = p)");
    }
    var query = em.createQuery(jpql.append(" order by p.name").toString(), Provider.class);
    if (serviceType != null && !serviceType.isBlank()) {
      query.setParameter("type", serviceType.strip());
    }
    if (area != null && !area.isBlank()) {
      query.setParameter("area", area.strip());
    }
    return query.getResultStream().map(ProviderEntry::new).toList();
  }

  /**
   * Whether the directory lists any provider (the active ones only, unless {@code withInactive}):
   * what a page asks before offering a referral form, without reading the directory.
   */
  public boolean hasProviders(boolean withInactive) {
    return !em.createQuery(
            "select p.id from Provider p" + (withInactive ? "" : " where p.active = true"),
            Long.class)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public Optional<ProviderEntry> provider(long id) {
    return Optional.ofNullable(em.find(Provider.class, id)).map(ProviderEntry::new);
  }

  /**
   * Adds a provider ({@code id} null) or replaces what the directory says about one; a stale {@code
   * expectedVersion} is a conflicting edit. Empty if there is no provider {@code id}.
   */
  @RolesAllowed(AccessPolicy.ADMIN)
  public Optional<ProviderEntry> saveProvider(
      Long id, ProviderDetails details, Long expectedVersion) {
    List<String> problems = new ArrayList<>();
    Checked checked = check(details, knownServiceTypes(), problems);
    if (checked == null) {
      throw new InvalidField(problems.get(0).split(":", 2)[0], problems.get(0).split(": ", 2)[1]);
    }
    Provider provider;
    if (id == null) {
      if (byName(checked.name()).isPresent()) {
        throw new Conflict("A provider named " + checked.name() + " is already in the directory.");
      }
      provider = new Provider(checked.name());
      // Described before persist: the insert carries the details (the table checks them).
      apply(provider, checked);
      em.persist(provider);
    } else {
      provider = em.find(Provider.class, id);
      if (provider == null) {
        return Optional.empty();
      }
      Checks.checkVersion("provider " + id, provider.getVersion(), expectedVersion);
      Optional<Provider> named = byName(checked.name());
      if (named.isPresent() && !named.get().getId().equals(id)) {
        throw new Conflict("A provider named " + checked.name() + " is already in the directory.");
      }
      provider.rename(checked.name());
    }
    apply(provider, checked);
    em.flush();
    audit.record(
        Entry.of(AuditAction.PROVIDER_SAVED, "provider", String.valueOf(provider.getId()))
            .details("services: " + String.join(",", checked.serviceTypes())));
    return Optional.of(new ProviderEntry(provider));
  }

  /**
   * Imports providers from CSV ({@link #CSV_COLUMNS} as the header; lists separated by {@code ;}):
   * a provider of the same name is updated, others are created; each bad row is left out with its
   * line and the reason, and the good rows are imported all the same.
   */
  @RolesAllowed(AccessPolicy.ADMIN)
  public ImportReport importProviders(String csv) {
    List<CsvRows.Row> rows;
    try {
      rows = CsvRows.parse(csv == null ? "" : csv);
    } catch (IllegalArgumentException unreadable) {
      throw new InvalidField("file", unreadable.getMessage());
    }
    if (rows.isEmpty()) {
      throw new InvalidField("file", "the file is empty; its first line names the columns");
    }
    List<String> header = rows.get(0).fields().stream().map(String::strip).toList();
    if (!header.equals(CSV_COLUMNS) && !header.equals(CSV_COLUMNS.subList(0, 7))) {
      throw new InvalidField(
          "file", "the first line must name the columns " + String.join(",", CSV_COLUMNS));
    }
    int created = 0;
    int updated = 0;
    List<ImportReport.Rejected> rejected = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Set<String> known = knownServiceTypes();
    for (CsvRows.Row row : rows.subList(1, rows.size())) {
      if (row.isBlank()) {
        continue;
      }
      if (row.fields().size() > header.size()) {
        rejected.add(new ImportReport.Rejected(row.line(), "more fields than the header names"));
        continue;
      }
      List<String> problems = new ArrayList<>();
      Checked checked =
          check(
              new ProviderDetails(
                  row.field(0),
                  list(row.field(1)),
                  list(row.field(2)),
                  blankToNull(row.field(3)),
                  blankToNull(row.field(4)),
                  blankToNull(row.field(5)),
                  hours(row.field(6), problems),
                  row.field(7).isBlank() ? Boolean.TRUE : yes(row.field(7), problems)),
              known,
              problems);
      if (checked == null || !problems.isEmpty()) {
        rejected.add(new ImportReport.Rejected(row.line(), String.join("; ", problems)));
        continue;
      }
      String key = checked.name().toLowerCase(Locale.ROOT);
      if (seen.containsKey(key)) {
        rejected.add(
            new ImportReport.Rejected(
                row.line(), "the file names this provider already on line " + seen.get(key)));
        continue;
      }
      seen.put(key, row.line());
      Optional<Provider> existing = byName(checked.name());
      Provider provider = existing.orElseGet(() -> new Provider(checked.name()));
      apply(provider, checked);
      if (existing.isEmpty()) {
        em.persist(provider);
        created++;
      } else {
        updated++;
      }
    }
    em.flush();
    ImportReport report = new ImportReport(created, updated, rejected);
    audit.record(
        Entry.of(AuditAction.PROVIDERS_IMPORTED, "provider", null)
            .details(
                "created: "
                    + created
                    + "; updated: "
                    + updated
                    + "; rejected lines: "
                    + rejected.stream().map(r -> String.valueOf(r.line())).toList()));
    return report;
  }

  private Optional<Provider> byName(String name) {
    return em.createQuery(
            "select p from Provider p where lower(p.name) = lower(:name)", Provider.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  private Set<String> knownServiceTypes() {
    Set<String> known = new HashSet<>();
    serviceTypes(false).forEach(t -> known.add(t.getCode()));
    return known;
  }
}
