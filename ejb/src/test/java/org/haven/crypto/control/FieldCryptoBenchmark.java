package org.haven.crypto.control;

import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What field encryption costs: sealing and opening one field (a name, a 2 KB narrative), computing
 * a blind index, unwrapping a survivor's data key, and the crypto of opening a whole case (one
 * unwrap and the eleven protected fields). Run: {@code ./mvnw -q -pl ejb -Pbench test-compile
 * exec:exec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FieldCryptoBenchmark {

  static final String OWNER = "case:HVN-2026-000123";
  static final String RECORD = "HVN-2026-000123";
  static final String NAME = "Amina Folasade";
  static final String NARRATIVE = "Recruited through a job offer; passport withheld. ".repeat(40);
  static final String[] FIELDS = {
    "survivor.givenNames",
    "survivor.familyName",
    "survivor.aliases",
    "survivor.birthDate",
    "survivor.phones",
    "survivor.email",
    "survivor.address",
    "survivor.document.type",
    "survivor.document.number",
    "survivor.placeOfOrigin",
    "narrative"
  };

  EnvelopeCrypto envelope;
  byte[] wrappedDataKey;
  FieldCipher cipher;
  byte[] sealedName;
  byte[] sealedNarrative;
  byte[][] sealedCase;
  BlindIndex nameIndex;

  @Setup
  public void setUp() throws GeneralSecurityException {
    envelope = new EnvelopeCrypto(EnvelopeCrypto.newKeyEncryptionKey());
    wrappedDataKey = envelope.newDataKey(OWNER);
    cipher = envelope.fieldCipher(wrappedDataKey, OWNER);
    sealedName = cipher.seal(RECORD, FIELDS[0], NAME);
    sealedNarrative = cipher.seal(RECORD, "narrative", NARRATIVE);
    sealedCase = new byte[FIELDS.length][];
    for (int i = 0; i < FIELDS.length; i++) {
      String value = i == FIELDS.length - 1 ? NARRATIVE : NAME;
      sealedCase[i] = cipher.seal(RECORD, FIELDS[i], value);
    }
    KeysetHandle prfKey = BlindIndex.newKey();
    nameIndex = new BlindIndex(prfKey);
  }

  @Benchmark
  public byte[] sealName() throws GeneralSecurityException {
    return cipher.seal(RECORD, FIELDS[0], NAME);
  }

  @Benchmark
  public String openName() throws GeneralSecurityException {
    return cipher.open(RECORD, FIELDS[0], sealedName);
  }

  @Benchmark
  public byte[] sealNarrative2kB() throws GeneralSecurityException {
    return cipher.seal(RECORD, "narrative", NARRATIVE);
  }

  @Benchmark
  public String openNarrative2kB() throws GeneralSecurityException {
    return cipher.open(RECORD, "narrative", sealedNarrative);
  }

  @Benchmark
  public String blindIndexName() throws GeneralSecurityException {
    return nameIndex.of(org.haven.cases.entity.SearchIndex.NAME.normalise(NAME + " Bello"));
  }

  @Benchmark
  public FieldCipher unwrapDataKey() throws GeneralSecurityException {
    return envelope.fieldCipher(wrappedDataKey, OWNER);
  }

  @Benchmark
  public byte[] newDataKey() throws GeneralSecurityException {
    return envelope.newDataKey(OWNER);
  }

  /** The crypto of opening one case file: unwrap its data key, open its eleven fields. */
  @Benchmark
  public void openWholeCase(Blackhole sink) throws GeneralSecurityException {
    FieldCipher c = envelope.fieldCipher(wrappedDataKey, OWNER);
    for (int i = 0; i < FIELDS.length; i++) {
      sink.consume(c.open(RECORD, FIELDS[i], sealedCase[i]));
    }
  }
}
