package org.haven.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;

/**
 * The person the case is about. Only coded, non-identifying attributes live here so far: names,
 * birth dates, contacts and documents are protected fields and arrive with field-level encryption.
 */
@Embeddable
public class Survivor {

  @Enumerated(EnumType.STRING)
  @Column(name = "survivor_sex", length = 16)
  private Sex sex;

  /** ISO 3166-1 alpha-2 country code, e.g. {@code NG}. */
  @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code of two capital letters")
  @Column(name = "survivor_nationality", length = 2)
  private String nationality;

  public Survivor() {}

  public Survivor(Sex sex, String nationality) {
    this.sex = sex;
    this.nationality = nationality;
  }

  public Sex getSex() {
    return sex;
  }

  public void setSex(Sex sex) {
    this.sex = sex;
  }

  public String getNationality() {
    return nationality;
  }

  public void setNationality(String nationality) {
    this.nationality = nationality == null || nationality.isBlank() ? null : nationality;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Survivor other
        && sex == other.sex
        && Objects.equals(nationality, other.nationality);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sex, nationality);
  }
}
