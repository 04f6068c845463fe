package org.haven.reports.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.LabourType;
import org.haven.cases.entity.MeansOfControl;
import org.haven.cases.entity.RecruiterRelationship;
import org.haven.cases.entity.RecruitmentMethod;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.labels.control.CodeLabels;
import org.haven.ui.Texts;

/** A report cell's value in a reader's words: codes by their labels, countries by their names. */
@ApplicationScoped
public class ReportCells {

  private static final Map<String, Class<? extends Enum<?>>> CODED =
      Map.of(
          "sex", Sex.class,
          "exploitationType", ExploitationType.class,
          "labourType", LabourType.class,
          "meansOfControl", MeansOfControl.class,
          "recruiterRelationship", RecruiterRelationship.class,
          "recruitmentMethod", RecruitmentMethod.class,
          "riskLevel", RiskLevel.class,
          "status", CaseStatus.class,
          "referralStatus", org.haven.referrals.entity.ReferralStatus.class);

  public String words(String dimension, String value) {
    return words(dimension, value, Texts.language());
  }

  public String words(String dimension, String value, Locale language) {
    if (value == null) {
      return Texts.in(language, "reports.notRecorded");
    }
    Class<? extends Enum<?>> type = CODED.get(dimension);
    if (type != null) {
      for (Enum<?> code : type.getEnumConstants()) {
        if (code.name().equals(value)) {
          return CodeLabels.of(code, language);
        }
      }
      return value;
    }
    return switch (dimension) {
      case "nationality", "countryOfExploitation" -> {
        String name = CodeLabels.country(value, language);
        yield name == null ? value : name;
      }
      case "team" -> CodeLabels.team(value, language);
      case "serviceType" -> CodeLabels.service(value, value, language);
      case "majority" -> Texts.in(language, "reports.majority." + value);
      default -> value;
    };
  }

  /** A dimension's name in {@code language}. */
  public String dimension(String dimension, Locale language) {
    return Texts.in(language, "reports.dimension." + dimension);
  }
}
