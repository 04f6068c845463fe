package org.haven.reports.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.haven.cases.entity.AgeBand;
import org.haven.cases.entity.ExploitationCode.Category;

/**
 * What a report can count cases by: each a coded column of the case, or one of the multi-valued
 * codes of the exploitation profile (a case with two forms of exploitation counts once under each:
 * such a table counts mentions, not persons), or the month, quarter or year of intake. None is
 * protected: a report never opens a survivor's data.
 */
public enum Dimension {
  SEX("sex", "c.survivor.sex", null),
  AGE_BAND("ageBand", "c.survivor.ageBand", null),
  NATIONALITY("nationality", "c.survivor.nationality", null),
  EXPLOITATION_TYPE("exploitationType", null, Category.TYPE),
  LABOUR_TYPE("labourType", null, Category.LABOUR),
  MEANS_OF_CONTROL("meansOfControl", null, Category.CONTROL),
  RECRUITER_RELATIONSHIP("recruiterRelationship", "c.recruiterRelationship", null),
  RECRUITMENT_METHOD("recruitmentMethod", null, Category.RECRUITMENT),
  COUNTRY_OF_EXPLOITATION("countryOfExploitation", "c.countryOfExploitation", null),
  RISK_LEVEL("riskLevel", "c.riskLevel", null),
  STATUS("status", "c.status", null),
  TEAM("team", "c.owningTeam", null),
  /** Minor or adult by the age band (the donors' "minor/adult"). */
  MAJORITY(
      "majority",
      "case when c.survivor.ageBand is null then null"
          + " when c.survivor.ageBand in (org.haven.cases.entity.AgeBand.AGE_0_8,"
          + " org.haven.cases.entity.AgeBand.AGE_9_17) then 'MINOR' else 'ADULT' end",
      null),
  INTAKE_MONTH(
      "intakeMonth",
      "extract(year from c.createdAt) * 100 + extract(month from c.createdAt)",
      null),
  INTAKE_QUARTER(
      "intakeQuarter",
      "extract(year from c.createdAt) * 10 + extract(quarter from c.createdAt)",
      null),
  INTAKE_YEAR("intakeYear", "extract(year from c.createdAt)", null);

  /** A report counts by one to this many dimensions. */
  public static final int MAX = 3;

  private final String name;
  private final String column;
  private final Category codes;

  Dimension(String name, String column, Category codes) {
    this.name = name;
    this.column = column;
    this.codes = codes;
  }

  /** The dimension's name in the API: {@code ageBand}. */
  public String apiName() {
    return name;
  }

  public static Optional<Dimension> byName(String name) {
    return Arrays.stream(values()).filter(d -> d.name.equals(name)).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Dimension::apiName).toList();
  }

  /** Whether a case can have several values (then a table with it counts mentions). */
  public boolean multiValued() {
    return codes != null;
  }

  Category codeCategory() {
    return codes;
  }

  /** The HQL expression of the value, {@code n} numbering the join of a multi-valued code. */
  String expression(int n) {
    return multiValued() ? "code" + n + ".code" : column;
  }

  /** The value as the API writes it: codes as stored, age bands as 18-20, periods as 2026-Q1. */
  String written(Object value) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case AGE_BAND -> ((AgeBand) value).code();
      case INTAKE_MONTH -> {
        int n = ((Number) value).intValue();
        yield String.format("%04d-%02d", n / 100, n % 100);
      }
      case INTAKE_QUARTER -> {
        int n = ((Number) value).intValue();
        yield n / 10 + "-Q" + n % 10;
      }
      case INTAKE_YEAR -> String.valueOf(((Number) value).intValue());
      default -> value instanceof Enum<?> e ? e.name() : value.toString();
    };
  }
}
