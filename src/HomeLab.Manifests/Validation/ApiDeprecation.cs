namespace HomeLab.Manifests.Validation;

/// <summary>An API version of a kind that Kubernetes deprecated and removed, with what replaces it.</summary>
/// <param name="ApiVersion">The old apiVersion, such as <c>extensions/v1beta1</c>.</param>
/// <param name="Kind">The kind, such as <c>Ingress</c>.</param>
/// <param name="DeprecatedIn">The Kubernetes version that deprecated it; null when it was removed without notice.</param>
/// <param name="RemovedIn">The Kubernetes version that stopped serving it.</param>
/// <param name="Replacement">The apiVersion to use instead; null when nothing replaces it.</param>
/// <param name="Note">What to do when the replacement is not a plain apiVersion change; null otherwise.</param>
public sealed record ApiDeprecation(string ApiVersion, string Kind, Version? DeprecatedIn, Version RemovedIn, string? Replacement, string? Note = null);
