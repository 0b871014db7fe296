using System.ComponentModel.DataAnnotations;

namespace HomeLab.Manifests.Validation;

/// <summary>
/// Checks that a value reads as a Kubernetes version (<c>1.32</c>, <c>v1.32.4</c>, <c>1.32.3+k3s1</c>), the way
/// <see cref="ApiDeprecations.TryParseKubernetesVersion"/> reads it; null passes. On a build parameter the target
/// engine runs it before any target, so a bad <c>--kubernetes-version</c> stops the build at once.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class KubernetesVersionFormatAttribute : ValidationAttribute
{
    /// <summary>Creates the check.</summary>
    public KubernetesVersionFormatAttribute()
        : base("expected a Kubernetes version such as 1.32 or v1.32.4.")
    {
    }

    /// <inheritdoc />
    public override bool IsValid(object? value) => value is null || (value is string text && ApiDeprecations.TryParseKubernetesVersion(text, out _));
}
