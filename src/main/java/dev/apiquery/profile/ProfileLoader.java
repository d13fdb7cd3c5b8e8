package dev.apiquery.profile;

/** Loads a profile from a folder of {@code .rsd} files, a single {@code .rsd}, or an {@code .apip}. */
public final class ProfileLoader {
  private ProfileLoader() {}

  /**
   * Loads and parses every table. A broken file fails the whole load with a
   * {@link ProfileException} naming the file and line.
   */
  public static Profile load(String location) throws ProfileException {
    throw new UnsupportedOperationException("TODO: profile loader");
  }
}
