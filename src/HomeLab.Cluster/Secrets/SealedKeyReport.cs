namespace HomeLab.Cluster.Secrets;

/// <summary>What sealing did to one key, and why when it is not obvious.</summary>
/// <param name="Key">The <c>spec.encryptedData</c> key.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why, for <see cref="SealedKeyOutcome.Resealed"/>; otherwise null.</param>
public sealed record SealedKeyReport(string Key, SealedKeyOutcome Outcome, string? Reason = null);
