using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// One object of a kustomization as its sources describe it: the base manifest it was read from (or the generator
/// that made it), the patches that apply to it in order, and the fields kustomize's transformers set, followed
/// through every layer so the rendered object can be matched to it by kind, name and namespace.
/// </summary>
internal sealed class TracedObject
{
    public TracedObject(KubeObject? source, string kind, string? apiVersion, string name, string? ns, SourceSpan origin)
    {
        Source = source;
        Kind = kind;
        ApiVersion = apiVersion;
        Name = name;
        Namespace = ns;
        Origin = origin;
        Names.Add(name);
    }

    /// <summary>The base manifest; null for generated objects.</summary>
    public KubeObject? Source { get; }

    public string Kind { get; }

    public string? ApiVersion { get; }

    public string Group => ApiVersion is { } v && v.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? v[..slash] : string.Empty;

    public string Version => ApiVersion is { } v && v.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? v[(slash + 1)..] : ApiVersion ?? string.Empty;

    /// <summary>The name after the layers seen so far.</summary>
    public string Name { get; set; }

    /// <summary>Every name the object had, from the base up: patches may name any of them.</summary>
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    public string? Namespace { get; set; }

    /// <summary>Where the object as a whole was written: the base document, or the generator entry.</summary>
    public SourceSpan Origin { get; }

    /// <summary>Whether kustomize appends a content hash to the name.</summary>
    public bool HashSuffixed { get; init; }

    /// <summary>The patches, in the order kustomize applies them.</summary>
    public List<SourceCursor> Patches { get; } = [];

    /// <summary>Fields set by transformers (namespace, labels, replicas) or generators, with the span of the setting.</summary>
    public Dictionary<FieldPath, (SourceSpan Value, SourceSpan Key)> Overrides { get; } = [];

    /// <summary>Image transformers: images with this name get their tag or name from that span.</summary>
    public List<(string Image, SourceSpan Span)> Images { get; } = [];

    /// <summary>Why fields point at a file but not at a line.</summary>
    public List<(string? FieldPath, string File, string Reason)> Notes { get; } = [];

    public IReadOnlyDictionary<string, string> Labels => Source?.Labels ?? new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations => Source?.Annotations ?? new Dictionary<string, string>();
}
