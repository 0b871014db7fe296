using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Rendering;

namespace HomeLab.Pipeline.Manifests;

/// <summary>What Validate, Lint and the offline tests check: an environment's rendered objects, or the plain manifests given with <c>--path</c>.</summary>
/// <param name="Name">The environment's name, or <c>path</c>.</param>
/// <param name="Environment">The environment; null for plain <c>--path</c> manifests.</param>
/// <param name="Objects">The objects.</param>
/// <param name="Rendered">The environment's rendered set, with what each object was rendered from; null for <c>--path</c>.</param>
public sealed record CheckedSet(string Name, EnvironmentDefinition? Environment, IReadOnlyList<KubeObject> Objects, RenderedSet? Rendered = null)
{
    /// <summary>What findings are labelled with: the environment's name; nothing for plain <c>--path</c> manifests.</summary>
    public string? Label => Environment?.Name;
}
