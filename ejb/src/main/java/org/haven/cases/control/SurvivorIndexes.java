package org.haven.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
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

  /** The entries to store for an identity, under the current index keys. */
  public Set<CaseIndexEntry> of(SurvivorIdentity identity) {
    return entries(identity, false);
  }

  /**
   * The entries a stored case with this identity may carry, to look it up: during a re-key also
   * under the previous index keys, since the cases not yet re-keyed are indexed under them.
   */
  public Set<CaseIndexEntry> lookups(SurvivorIdentity identity) {
    return entries(identity, true);
  }

  /** {@link #lookups}, given the entries {@link #of} made: the same ones unless a re-key runs. */
  public Set<CaseIndexEntry> lookups(SurvivorIdentity identity, Set<CaseIndexEntry> stored) {
    return crypto.rekeying() ? lookups(identity) : stored;
  }

  private Set<CaseIndexEntry> entries(SurvivorIdentity identity, boolean lookup) {
    Set<CaseIndexEntry> entries = new HashSet<>();
    if (identity == null) {
      return entries;
    }
    String name = identity.fullName();
    add(entries, SearchIndex.NAME, name, lookup);
    identity.getAliases().forEach(alias -> add(entries, SearchIndex.NAME, alias, lookup));
    if (identity.getBirthDate() != null) {
      add(entries, SearchIndex.BIRTH_DATE, identity.getBirthDate().toString(), lookup);
      if (!name.isEmpty()) {
        add(
            entries,
            SearchIndex.NAME_BIRTH_DATE,
            SearchIndex.nameAndBirthDate(name, identity.getBirthDate()),
            lookup);
      }
    }
    identity.getPhones().forEach(phone -> add(entries, SearchIndex.PHONE, phone, lookup));
    add(entries, SearchIndex.DOCUMENT_NUMBER, identity.getDocumentNumber(), lookup);
    return entries;
  }

  /**
   * The entries a search value must match, one of them: one, or two while a re-key runs. Empty if
   * nothing searchable is left of the value.
   */
  public List<CaseIndexEntry> entries(SearchIndex index, String value) {
    String normalised;
    try {
      normalised = index.normalise(value);
    } catch (RuntimeException unparsable) {
      return List.of();
    }
    return crypto.blindIndexes(index.keyName(), normalised).stream()
        .map(d -> new CaseIndexEntry(index, d))
        .toList();
  }

  private void add(Set<CaseIndexEntry> entries, SearchIndex index, String value, boolean lookup) {
    if (lookup) {
      entries.addAll(entries(index, value));
      return;
    }
    String normalised;
    try {
      normalised = index.normalise(value);
    } catch (RuntimeException unparsable) {
      return;
    }
    Optional.ofNullable(crypto.blindIndex(index.keyName(), normalised))
        .map(d -> new CaseIndexEntry(index, d))
        .ifPresent(entries::add);
  }
}
