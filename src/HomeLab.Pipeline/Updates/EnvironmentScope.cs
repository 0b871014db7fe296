namespace HomeLab.Pipeline.Updates;

/// <summary>What one environment rendered to verify an update: the Applications rendered, and those left out because the change does not affect them.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Whole">Whether everything rendered (the environment's own files changed, or it is new).</param>
/// <param name="Rendered">The Applications rendered (the affected ones, and the apps of apps that lead to them).</param>
/// <param name="NotRendered">The Applications the change does not affect, which were not rendered.</param>
public sealed record EnvironmentScope(string Environment, bool Whole, IReadOnlyList<string> Rendered, IReadOnlyList<string> NotRendered);
