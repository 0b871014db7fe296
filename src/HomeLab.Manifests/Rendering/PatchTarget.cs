using System.Text.RegularExpressions;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>Which objects a kustomize patch applies to: a <c>target:</c> selector, or the patch's own kind and name.</summary>
internal sealed record PatchTarget(string? Group, string? Version, string? Kind, string? Name, string? Namespace, string? LabelSelector, string? AnnotationSelector, bool NameIsPattern)
{
    public static bool IsClusterScoped(string? kind) => Objects.ClusterScopedKinds.IsBuiltIn(kind);

    /// <summary>A <c>target:</c> selector.</summary>
    public static PatchTarget FromSelector(YamlMap target) => new(
        target.GetString("group"),
        target.GetString("version"),
        target.GetString("kind"),
        target.GetString("name"),
        target.GetString("namespace"),
        target.GetString("labelSelector"),
        target.GetString("annotationSelector"),
        NameIsPattern: true);

    /// <summary>A strategic merge patch names its target itself.</summary>
    public static PatchTarget FromPatch(YamlMap patch)
    {
        var apiVersion = patch.GetString("apiVersion");
        var slash = apiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var metadata = patch.GetMap("metadata");
        return new(
            slash > 0 ? apiVersion![..slash] : null,
            null,
            patch.GetString("kind"),
            metadata?.GetString("name"),
            metadata?.GetString("namespace"),
            null,
            null,
            NameIsPattern: false);
    }

    public bool Matches(TracedObject obj)
    {
        if ((Kind is not null && Kind != obj.Kind) || (Group is not null && Group != obj.Group) || (Version is not null && Version != obj.Version))
        {
            return false;
        }

        if (Name is not null && !obj.Names.Any(n => NameIsPattern ? FullMatch(Name, n) : Name == n))
        {
            return false;
        }

        if (Namespace is not null && obj.Namespace is not null && !(NameIsPattern ? FullMatch(Namespace, obj.Namespace) : Namespace == obj.Namespace))
        {
            return false;
        }

        return Selects(LabelSelector, obj.Labels) && Selects(AnnotationSelector, obj.Annotations);
    }

    private static bool FullMatch(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return pattern == value;
        }
    }

    // kustomize reads labelSelector and annotationSelector as label selectors: equality, set-based and existence.
    // A selector kustomize would refuse selects nothing here.
    private static bool Selects(string? selector, IReadOnlyDictionary<string, string> values) =>
        Objects.LabelSelector.TryParse(selector, out var parsed) && parsed!.Matches(values);
}
