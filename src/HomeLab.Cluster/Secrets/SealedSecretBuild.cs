namespace HomeLab.Cluster.Secrets;

/// <summary>The result of <see cref="SealedSecretBuilder.Build"/>.</summary>
/// <param name="Manifest">The SealedSecret.</param>
/// <param name="Keys">What happened to each key, in key order.</param>
/// <param name="Warnings">Things the user should know that did not stop sealing.</param>
public sealed record SealedSecretBuild(SealedSecretManifest Manifest, IReadOnlyList<SealedKeyReport> Keys, IReadOnlyList<string> Warnings);
