package org.haven.reports.control;

import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.haven.cases.entity.AgeBand;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.LabourType;
import org.haven.cases.entity.MeansOfControl;
import org.haven.cases.entity.RecruiterRelationship;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SexualExploitationType;
import org.haven.cases.entity.YesNoUnknown;

/**
 * Haven's coded facts as the columns of the CTDC global dataset's codebook: one row per survivor,
 * flags as 1 and 0 where the question was answered and empty where it was not, and every unknown
 * empty, as CTDC writes it (docs/security/statistics.md#the-ctdc-export).
 */
public final class CtdcCodebook {

  /** What the export reads of a case: coded columns only. */
  public record Facts(
      int yearOfRegistration,
      Sex sex,
      AgeBand ageBand,
      String nationality,
      String countryOfExploitation,
      YesNoUnknown minorWhenExploited,
      YesNoUnknown abducted,
      RecruiterRelationship recruiterRelationship,
      Set<ExploitationType> types,
      Set<LabourType> labour,
      Set<SexualExploitationType> sexual,
      Set<MeansOfControl> control) {}

  public static final List<String> QUASI_IDENTIFIERS =
      List.of(
          "yearOfRegistration",
          "gender",
          "ageBroad",
          "majorityStatus",
          "citizenship",
          "CountryOfExploitation",
          "typeOfExploitConcatenated");

  private static final Map<ExploitationType, String> TYPE_FLAGS = new LinkedHashMap<>();
  private static final Map<RecruiterRelationship, String> RECRUITER = new LinkedHashMap<>();

  static {
    TYPE_FLAGS.put(ExploitationType.FORCED_LABOUR, "isForcedLabour");
    TYPE_FLAGS.put(ExploitationType.SEXUAL_EXPLOITATION, "isSexualExploit");
    TYPE_FLAGS.put(ExploitationType.OTHER, "isOtherExploit");
    TYPE_FLAGS.put(ExploitationType.FORCED_MARRIAGE, "isForcedMarriage");
    TYPE_FLAGS.put(ExploitationType.FORCED_MILITARY, "isForcedMilitary");
    TYPE_FLAGS.put(ExploitationType.ORGAN_REMOVAL, "isOrganRemoval");
    TYPE_FLAGS.put(ExploitationType.SLAVERY_AND_SIMILAR_PRACTICES, "isSlaveryAndPractices");
    RECRUITER.put(RecruiterRelationship.INTIMATE_PARTNER, "Intimate Partner");
    RECRUITER.put(RecruiterRelationship.FRIEND, "Friend");
    RECRUITER.put(RecruiterRelationship.FAMILY, "Family/Relative");
    RECRUITER.put(RecruiterRelationship.OTHER, "Other");
  }

  /** The columns, in the codebook's order. */
  public static final List<String> COLUMNS =
      Stream.of(
              Stream.of(
                  "yearOfRegistration",
                  "Datasource",
                  "gender",
                  "ageBroad",
                  "majorityStatus",
                  "majorityStatusAtExploit",
                  "majorityEntry",
                  "citizenship"),
              Arrays.stream(MeansOfControl.values()).map(m -> "meansOfControl" + pascal(m)),
              Stream.of("meansOfControlNotSpecified", "meansOfControlConcatenated"),
              Stream.of(
                  "isForcedLabour",
                  "isSexualExploit",
                  "isOtherExploit",
                  "isSexAndLabour",
                  "isForcedMarriage",
                  "isForcedMilitary",
                  "isOrganRemoval",
                  "isSlaveryAndPractices",
                  "typeOfExploitConcatenated"),
              Arrays.stream(LabourType.values()).map(l -> "typeOfLabour" + pascal(l)),
              Stream.of("typeOfLabourNotSpecified", "typeOfLabourConcatenated"),
              Arrays.stream(SexualExploitationType.values()).map(s -> "typeOfSex" + pascal(s)),
              Stream.of(
                  "typeOfSexConcatenated",
                  "isAbduction",
                  "RecruiterRelationship",
                  "CountryOfExploitation",
                  "recruiterRelationIntimatePartner",
                  "recruiterRelationFriend",
                  "recruiterRelationFamily",
                  "recruiterRelationOther",
                  "recruiterRelationUnknown"))
          .flatMap(s -> s)
          .toList();

  /** Column names and positions worked out once: the export builds 100,000 rows with them. */
  private static final Map<Enum<?>, String> FLAG_COLUMNS = new java.util.HashMap<>();

  private static final int[] QI_POSITIONS;

  static {
    for (MeansOfControl m : MeansOfControl.values()) {
      FLAG_COLUMNS.put(m, "meansOfControl" + pascal(m));
    }
    for (LabourType l : LabourType.values()) {
      FLAG_COLUMNS.put(l, "typeOfLabour" + pascal(l));
    }
    for (SexualExploitationType t : SexualExploitationType.values()) {
      FLAG_COLUMNS.put(t, "typeOfSex" + pascal(t));
    }
    QI_POSITIONS = QUASI_IDENTIFIERS.stream().mapToInt(COLUMNS::indexOf).toArray();
  }

  private CtdcCodebook() {}

  /** The survivor's row, column by column as {@link #COLUMNS} names them. */
  public static List<String> row(Facts f) {
    Map<String, String> cells = new LinkedHashMap<>();
    COLUMNS.forEach(c -> cells.put(c, ""));
    cells.put("yearOfRegistration", String.valueOf(f.yearOfRegistration()));
    cells.put("Datasource", "Case Management");
    cells.put("gender", gender(f.sex()));
    cells.put("ageBroad", ageBroad(f.ageBand()));
    cells.put("majorityStatus", majority(f.ageBand()));
    cells.put("majorityStatusAtExploit", yesNo(f.minorWhenExploited(), "Minor", "Adult"));
    cells.put("citizenship", alpha2(f.nationality()));
    boolean controlled = !f.control().isEmpty();
    boolean typed = !f.types().isEmpty();
    for (MeansOfControl m : MeansOfControl.values()) {
      cells.put(FLAG_COLUMNS.get(m), typed || controlled ? flag(f.control().contains(m)) : "");
    }
    cells.put("meansOfControlNotSpecified", typed ? flag(!controlled) : "");
    cells.put("meansOfControlConcatenated", words(f.control()));
    Set<ExploitationType> ctdc = ctdcTypes(f.types());
    TYPE_FLAGS.forEach((type, column) -> cells.put(column, typed ? flag(ctdc.contains(type)) : ""));
    cells.put(
        "isSexAndLabour",
        typed
            ? flag(
                ctdc.contains(ExploitationType.FORCED_LABOUR)
                    && ctdc.contains(ExploitationType.SEXUAL_EXPLOITATION))
            : "");
    cells.put("typeOfExploitConcatenated", typesConcatenated(ctdc));
    Set<LabourType> labour = labour(f);
    boolean forcedLabour = ctdc.contains(ExploitationType.FORCED_LABOUR);
    for (LabourType l : LabourType.values()) {
      cells.put(FLAG_COLUMNS.get(l), forcedLabour ? flag(labour.contains(l)) : "");
    }
    cells.put("typeOfLabourNotSpecified", forcedLabour ? flag(labour.isEmpty()) : "");
    cells.put("typeOfLabourConcatenated", words(labour));
    boolean sexual = ctdc.contains(ExploitationType.SEXUAL_EXPLOITATION);
    for (SexualExploitationType s : SexualExploitationType.values()) {
      cells.put(FLAG_COLUMNS.get(s), sexual ? flag(f.sexual().contains(s)) : "");
    }
    cells.put("typeOfSexConcatenated", words(f.sexual()));
    cells.put("isAbduction", yesNo(f.abducted(), "1", "0"));
    RecruiterRelationship r = f.recruiterRelationship();
    cells.put("RecruiterRelationship", r == null ? "" : RECRUITER.getOrDefault(r, ""));
    cells.put("CountryOfExploitation", alpha2(f.countryOfExploitation()));
    boolean known = r != null;
    cells.put(
        "recruiterRelationIntimatePartner",
        known ? flag(r == RecruiterRelationship.INTIMATE_PARTNER) : "");
    cells.put("recruiterRelationFriend", known ? flag(r == RecruiterRelationship.FRIEND) : "");
    cells.put("recruiterRelationFamily", known ? flag(r == RecruiterRelationship.FAMILY) : "");
    cells.put("recruiterRelationOther", known ? flag(r == RecruiterRelationship.OTHER) : "");
    cells.put("recruiterRelationUnknown", known ? flag(r == RecruiterRelationship.UNKNOWN) : "");
    return new ArrayList<>(cells.values());
  }

  /** The quasi-identifiers of a row, in the order of {@link #QUASI_IDENTIFIERS}. */
  public static List<String> quasiIdentifiers(List<String> row) {
    List<String> qi = new ArrayList<>(QI_POSITIONS.length);
    for (int position : QI_POSITIONS) {
      qi.add(row.get(position));
    }
    return qi;
  }

  /** A row with its quasi-identifiers replaced by the released ones. */
  public static List<String> released(List<String> row, List<String> quasiIdentifiers) {
    List<String> out = new ArrayList<>(row);
    for (int i = 0; i < QI_POSITIONS.length; i++) {
      out.set(QI_POSITIONS[i], quasiIdentifiers.get(i));
    }
    return out;
  }

  /**
   * The generalisations of the export: an age band to its broad band; a citizenship or a country of
   * exploitation to its UN M49 sub-region (from ICU's region data), then to empty.
   */
  public static final KAnonymity.Hierarchy HIERARCHY =
      KAnonymity.byPosition(
          Map.of(
              KAnonymity.Step.AGE_TO_BROAD_BAND, Map.entry(2, CtdcCodebook::broadBand),
              KAnonymity.Step.CITIZENSHIP_TO_REGION, Map.entry(4, CtdcCodebook::region),
              KAnonymity.Step.COUNTRY_TO_REGION, Map.entry(5, CtdcCodebook::region),
              KAnonymity.Step.CITIZENSHIP_REMOVED, Map.entry(4, v -> ""),
              KAnonymity.Step.COUNTRY_REMOVED, Map.entry(5, v -> "")));

  /** CTDC's bands (0--8, 9--17, …) in four: 0--17, 18--29, 30--47, 48+. */
  static String broadBand(String band) {
    return switch (band) {
      case "0--8", "9--17" -> "0--17";
      case "18--20", "21--23", "24--26", "27--29" -> "18--29";
      case "30--38", "39--47" -> "30--47";
      default -> band;
    };
  }

  /** A country's UN M49 sub-region by its English name ("Eastern Europe"); a region stays. */
  static String region(String alpha2) {
    if (alpha2 == null || alpha2.length() != 2) {
      return alpha2;
    }
    try {
      Region region =
          Region.getInstance(alpha2).getContainingRegion(Region.RegionType.SUBCONTINENT);
      return region == null
          ? alpha2
          : ULocale.forLanguageTag("und-" + region).getDisplayCountry(ULocale.ENGLISH);
    } catch (IllegalArgumentException unknown) {
      return "";
    }
  }

  static String ageBroad(AgeBand band) {
    return band == null ? "" : band.code().replace("-", "--");
  }

  static String majority(AgeBand band) {
    if (band == null) {
      return "";
    }
    return band == AgeBand.AGE_0_8 || band == AgeBand.AGE_9_17 ? "Minor" : "Adult";
  }

  static String gender(Sex sex) {
    if (sex == null) {
      return "";
    }
    return switch (sex) {
      case FEMALE -> "Female";
      case MALE -> "Male";
      case OTHER -> "Transgender/NonConforming";
      case UNDISCLOSED -> "";
    };
  }

  /** ISO 3166 alpha-2 as CTDC writes citizenship: MDA → MD; unknown or empty → empty. */
  static String alpha2(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String upper = code.strip().toUpperCase(Locale.ROOT);
    if (upper.length() == 3) {
      return Arrays.stream(Locale.getISOCountries())
          .filter(c -> new Locale("", c).getISO3Country().equals(upper))
          .findFirst()
          .orElse("");
    }
    return upper.length() == 2 ? upper : "";
  }

  /**
   * Haven's forms of exploitation in CTDC's: domestic servitude and forced criminality are forced
   * labour there (in domestic work and in illicit activities).
   */
  static Set<ExploitationType> ctdcTypes(Set<ExploitationType> types) {
    Set<ExploitationType> ctdc = EnumSet.noneOf(ExploitationType.class);
    for (ExploitationType t : types) {
      ctdc.add(
          t == ExploitationType.DOMESTIC_SERVITUDE || t == ExploitationType.FORCED_CRIMINALITY
              ? ExploitationType.FORCED_LABOUR
              : t);
    }
    return ctdc;
  }

  private static Set<LabourType> labour(Facts f) {
    Set<LabourType> labour = EnumSet.noneOf(LabourType.class);
    labour.addAll(f.labour());
    if (f.types().contains(ExploitationType.DOMESTIC_SERVITUDE)) {
      labour.add(LabourType.DOMESTIC_WORK);
    }
    if (f.types().contains(ExploitationType.FORCED_CRIMINALITY)) {
      labour.add(LabourType.ILLICIT_ACTIVITIES);
    }
    return labour;
  }

  /** CTDC's words for the forms of exploitation, joined by ";" in the codebook's order. */
  static String typesConcatenated(Set<ExploitationType> ctdc) {
    return TYPE_FLAGS.keySet().stream()
        .filter(ctdc::contains)
        .map(
            t ->
                t == ExploitationType.SLAVERY_AND_SIMILAR_PRACTICES
                    ? "Slavery and similar practices"
                    : sentence(t))
        .collect(Collectors.joining(";"));
  }

  private static String words(Collection<? extends Enum<?>> codes) {
    return codes.stream().map(CtdcCodebook::sentence).collect(Collectors.joining(";"));
  }

  private static String sentence(Enum<?> code) {
    String words = code.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String flag(boolean set) {
    return set ? "1" : "0";
  }

  private static String yesNo(YesNoUnknown answer, String yes, String no) {
    if (answer == null) {
      return "";
    }
    return switch (answer) {
      case YES -> yes;
      case NO -> no;
      case UNKNOWN -> "";
    };
  }

  static String pascal(Enum<?> code) {
    StringBuilder out = new StringBuilder();
    for (String part : code.name().split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
