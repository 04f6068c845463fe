package org.haven.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.haven.cases.entity.CaseIndexEntry;
import org.haven.cases.entity.SearchIndex;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.crypto.boundary.FieldCrypto;

/** Which blind indexes a survivor's identity gets: what search and the duplicate check can find. */
@ApplicationScoped
public class SurvivorIndexes {

  @Inject FieldCrypto crypto;

  public Set<CaseIndexEntry> of(SurvivorIdentity identity) {
    Set<CaseIndexEntry> entries = new HashSet<>();
    if (identity == null) {
      return entries;
    }
    String name = identity.fullName();
    add(entries, SearchIndex.NAME, name);
    identity.getAliases().forEach(alias -> add(entries, SearchIndex.NAME, alias));
    if (identity.getBirthDate() != null) {
      add(entries, SearchIndex.BIRTH_DATE, identity.getBirthDate().toString());
      if (!name.isEmpty()) {
        add(
            entries,
            SearchIndex.NAME_BIRTH_DATE,
            SearchIndex.nameAndBirthDate(name, identity.getBirthDate()));
      }
    }
    identity.getPhones().forEach(phone -> add(entries, SearchIndex.PHONE, phone));
    add(entries, SearchIndex.DOCUMENT_NUMBER, identity.getDocumentNumber());
    return entries;
  }

  /** The index entry a search value must match; empty if nothing searchable is left of it. */
  public Optional<CaseIndexEntry> entry(SearchIndex index, String value) {
    String normalised;
    try {
      normalised = index.normalise(value);
    } catch (RuntimeException unparsable) {
      return Optional.empty();
    }
    return Optional.ofNullable(crypto.blindIndex(index.keyName(), normalised))
        .map(d -> new CaseIndexEntry(index, d));
  }

  private void add(Set<CaseIndexEntry> entries, SearchIndex index, String value) {
    entry(index, value).ifPresent(entries::add);
  }
}
