package org.haven.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The survivor's coded, non-identifying attributes, kept in plain columns because statistics need
 * them. Everything that identifies or locates the person is in {@link SurvivorIdentity}, sealed.
 */
@Embeddable
public class Survivor implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  @Enumerated(EnumType.STRING)
  @Column(name = "survivor_sex", length = 16)
  private Sex sex;

  /** ISO 3166-1 alpha-2 country code, e.g. {@code NG}. */
  @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code of two capital letters")
  @Column(name = "survivor_nationality", length = 2)
  private String nationality;

  /** Known or estimated; derived from the date of birth when that is known. */
  @Enumerated(EnumType.STRING)
  @Column(name = "survivor_age_band", length = 16)
  private AgeBand ageBand;

  /** ISO 639 codes of the languages the survivor speaks. */
  @Size(max = 8, message = "at most 8 languages")
  @Convert(converter = LanguageCodes.class)
  @Column(name = "survivor_languages", length = 64)
  private List<@Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code") String>
      languages = new ArrayList<>();

  public Survivor() {}

  public Survivor(Sex sex, String nationality) {
    this.sex = sex;
    this.nationality = nationality;
  }

  /** A copy to edit (a form), apart from the case's own. */
  public Survivor copy() {
    Survivor c = new Survivor(sex, nationality);
    c.setAgeBand(ageBand);
    c.setLanguages(getLanguages());
    return c;
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

  public AgeBand getAgeBand() {
    return ageBand;
  }

  public void setAgeBand(AgeBand ageBand) {
    this.ageBand = ageBand;
  }

  public List<String> getLanguages() {
    return languages == null ? List.of() : languages;
  }

  public void setLanguages(List<String> languages) {
    this.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Survivor other
        && sex == other.sex
        && Objects.equals(nationality, other.nationality)
        && ageBand == other.ageBand
        && getLanguages().equals(other.getLanguages());
  }

  @Override
  public int hashCode() {
    return Objects.hash(sex, nationality, ageBand, getLanguages());
  }
}
