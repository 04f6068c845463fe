package org.haven.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.haven.cases.entity.AgeBand;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.LabourType;
import org.haven.cases.entity.MeansOfControl;
import org.haven.cases.entity.RecruiterRelationship;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SexualExploitationType;
import org.haven.cases.entity.YesNoUnknown;
import org.haven.reports.control.CtdcCodebook.Facts;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The export's k-anonymity over random data sets, and its column names. */
class KAnonymityTest {

  static final int K = 11;
  static final String[] COUNTRIES = {"MD", "RO", "UA", "NG", "GH", "VN", "TH", "PH", "TO", "KI"};

  @RepeatedTest(200)
  void every_released_combination_occurs_k_times_and_no_row_is_lost_unreported(RepetitionInfo run) {
    Random random = new Random(run.getCurrentRepetition());
    int survivors = random.nextInt(2_000);
    Map<List<String>, Long> counts = new HashMap<>();
    for (int i = 0; i < survivors; i++) {
      counts.merge(CtdcCodebook.quasiIdentifiers(CtdcCodebook.row(facts(random))), 1L, Long::sum);
    }

    KAnonymity.Result result = KAnonymity.anonymise(counts, K, CtdcCodebook.HIERARCHY);

    Map<List<String>, Long> released = new HashMap<>();
    long withheld = 0;
    for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
      List<String> to = result.released().get(e.getKey());
      if (to == null) {
        withheld += e.getValue();
      } else {
        released.merge(to, e.getValue(), Long::sum);
      }
    }
    released.forEach((qi, n) -> assertTrue(n >= K, qi + " released " + n + " times"));
    assertEquals(survivors, result.eligible());
    assertEquals(withheld, result.suppressedRows());
    assertEquals(survivors - withheld, result.releasedRows());
    assertEquals(released.size(), result.groups());
    if (!released.isEmpty()) {
      assertEquals(
          released.values().stream().mapToLong(Long::longValue).min().orElseThrow(),
          result.smallestGroup());
    }
  }

  @Test
  void a_rare_citizenship_is_released_as_its_region_before_anything_is_suppressed() {
    Map<List<String>, Long> counts = new HashMap<>();
    List<String> common = List.of("2026", "Female", "18--20", "Adult", "MD", "RU", "Forced labour");
    counts.put(common, 20L);
    // Six from Romania and six from Ukraine: each too few, together Eastern Europe's twelve.
    counts.put(List.of("2026", "Female", "18--20", "Adult", "RO", "RU", "Forced labour"), 6L);
    counts.put(List.of("2026", "Female", "18--20", "Adult", "UA", "RU", "Forced labour"), 6L);

    KAnonymity.Result result = KAnonymity.anonymise(counts, K, CtdcCodebook.HIERARCHY);

    assertEquals(common, result.released().get(common));
    List<String> romania =
        result
            .released()
            .get(List.of("2026", "Female", "18--20", "Adult", "RO", "RU", "Forced labour"));
    assertEquals("Eastern Europe", romania.get(4));
    assertEquals("18--29", romania.get(2), "the age band was broadened first");
    assertEquals(0, result.suppressedRows());
    assertEquals(12L, result.generalised().get(KAnonymity.Step.CITIZENSHIP_TO_REGION));
    assertEquals(12L, result.smallestGroup());
  }

  @Test
  void the_columns_are_the_codebooks() {
    for (String column :
        List.of(
            "yearOfRegistration",
            "gender",
            "ageBroad",
            "majorityStatus",
            "majorityStatusAtExploit",
            "citizenship",
            "meansOfControlDebtBondage",
            "meansOfControlThreatOfLawEnforcement",
            "meansOfControlWithholdsDocuments",
            "isForcedLabour",
            "isSexualExploit",
            "isForcedMarriage",
            "typeOfExploitConcatenated",
            "typeOfLabourMiningOrDrilling",
            "typeOfSexRemoteInteractiveServices",
            "isAbduction",
            "RecruiterRelationship",
            "recruiterRelationIntimatePartner",
            "CountryOfExploitation")) {
      assertTrue(CtdcCodebook.COLUMNS.contains(column), column);
    }
    assertEquals(CtdcCodebook.COLUMNS.size(), new java.util.HashSet<>(CtdcCodebook.COLUMNS).size());
  }

  private static Facts facts(Random r) {
    EnumSet<ExploitationType> types = EnumSet.noneOf(ExploitationType.class);
    if (r.nextInt(5) > 0) {
      types.add(ExploitationType.values()[r.nextInt(3)]);
    }
    return new Facts(
        2024 + r.nextInt(3),
        Sex.values()[r.nextInt(2)],
        r.nextInt(10) == 0 ? null : AgeBand.values()[r.nextInt(AgeBand.values().length)],
        COUNTRIES[(int) Math.min(COUNTRIES.length - 1, Math.abs(r.nextGaussian()) * 3)],
        COUNTRIES[r.nextInt(4)],
        YesNoUnknown.values()[r.nextInt(3)],
        YesNoUnknown.NO,
        RecruiterRelationship.values()[r.nextInt(5)],
        types,
        EnumSet.of(LabourType.CONSTRUCTION),
        EnumSet.noneOf(SexualExploitationType.class),
        EnumSet.of(MeansOfControl.THREATS));
  }
}
