namespace HomeLab.Manifests.Environments;

/// <summary>A storage class an environment provides.</summary>
/// <param name="Name">The class's name.</param>
/// <param name="Provisioner">Its provisioner, such as <c>rancher.io/local-path</c>; null when not given.</param>
/// <param name="IsDefault">Whether it is the default class.</param>
public sealed record StorageClassDefinition(string Name, string? Provisioner, bool IsDefault);
