package dev.passerelle.model.fetch;

import java.nio.file.Path;

/**
 * What {@link ModelInstaller#install} did.
 *
 * @param alreadyInstalled true when {@code ifMissing} found the model there and nothing was fetched
 * @param manifestId the manifest's id
 * @param dir the model folder, absolute
 */
public record InstallResult(boolean alreadyInstalled, String manifestId, Path dir) {
}
