using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Stack.Tests.Platform;

/// <summary>The ArgoCD Applications of a rendered environment, and what their sources say.</summary>
public static class Applications
{
    /// <summary>The repository URL Applications use for this repository.</summary>
    public const string Repository = "https://github.com/homelab-gitops/homelab.git";

    /// <summary>Every Application of an environment.</summary>
    /// <param name="fixture">The rendered environments.</param>
    /// <param name="environment">k3d or k3s.</param>
    /// <returns>The Applications, in rendering order.</returns>
    public static IReadOnlyList<KubeObject> In(RenderedEnvironments fixture, string environment) =>
        [.. fixture.Objects(environment).Where(o => o.Group == "argoproj.io" && o.Kind == "Application")];

    /// <summary>The one Application with a name.</summary>
    /// <param name="fixture">The rendered environments.</param>
    /// <param name="environment">k3d or k3s.</param>
    /// <param name="name">The Application's name.</param>
    /// <returns>The Application.</returns>
    public static KubeObject Named(RenderedEnvironments fixture, string environment, string name)
    {
        var found = In(fixture, environment).Where(a => a.Name == name).ToList();
        found.Should().ContainSingle($"{environment} has one Application '{name}'");
        return found[0];
    }

    /// <summary><c>spec.source</c> or each of <c>spec.sources</c>.</summary>
    /// <param name="application">The Application.</param>
    /// <returns>The sources.</returns>
    public static IReadOnlyList<YamlMap> Sources(KubeObject application)
    {
        var spec = application.Root.GetMap("spec");
        return spec?.GetMap("source") is { } single ? [single] : [.. spec?.GetList("sources")?.Items.OfType<YamlMap>() ?? []];
    }

    /// <summary>The chart source of an Application (the one with <c>chart:</c>), if any.</summary>
    /// <param name="application">The Application.</param>
    /// <returns>The source, or null.</returns>
    public static YamlMap? Chart(KubeObject application) => Sources(application).FirstOrDefault(s => s.GetString("chart") is not null);

    /// <summary>The <c>$values/...</c> value files of an Application's chart source, as paths from the repository root.</summary>
    /// <param name="application">The Application.</param>
    /// <returns>The paths, in Helm's order.</returns>
    public static IReadOnlyList<string> ValueFiles(KubeObject application) =>
        [.. Chart(application)?.GetMap("helm")?.GetList("valueFiles")?.Items.OfType<YamlScalar>()
            .Select(s => s.Value)
            .Where(v => v.StartsWith("$values/", StringComparison.Ordinal))
            .Select(v => v["$values/".Length..]) ?? []];

    /// <summary>The directory a path source points at (this repository), or null.</summary>
    /// <param name="application">The Application.</param>
    /// <returns>The path from the repository root.</returns>
    public static string? Path(KubeObject application) => Sources(application).Select(s => s.GetString("path")).FirstOrDefault(p => p is not null);

    /// <summary>The names an Application declares in <c>homelab.dev/requires</c>.</summary>
    /// <param name="application">The Application.</param>
    /// <returns>The names; empty when it requires nothing.</returns>
    public static IReadOnlyList<string> Requires(KubeObject application) =>
        application.Annotations.TryGetValue("homelab.dev/requires", out var text)
            ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];

    /// <summary>The sync wave (0 when unset).</summary>
    /// <param name="application">The Application.</param>
    /// <returns>The wave.</returns>
    public static int Wave(KubeObject application) =>
        application.Annotations.TryGetValue("argocd.argoproj.io/sync-wave", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>The scalar strings of a YAML list (empty when missing).</summary>
    /// <param name="node">The list.</param>
    /// <returns>The strings.</returns>
    public static IReadOnlyList<string> Strings(YamlNode? node) =>
        [.. (node as YamlList)?.Items.OfType<YamlScalar>().Select(s => s.Value) ?? []];
}
