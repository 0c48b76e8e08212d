package dev.etlkit.examples.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version in the jar's manifest. */
final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"etl " + (version == null ? "(development build)" : version)};
  }
}
