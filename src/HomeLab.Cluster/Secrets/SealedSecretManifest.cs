using YamlDotNet.RepresentationModel;

namespace HomeLab.Cluster.Secrets;

/// <summary>
/// A SealedSecret custom resource (<c>bitnami.com/v1alpha1</c>): the metadata, <c>spec.encryptedData</c> and
/// <c>spec.template</c>. Read it with <see cref="Parse"/>; write it with <see cref="ToYaml"/>, which sorts every key so
/// that a re-sealed file changes only where a value changed.
/// </summary>
public sealed record SealedSecretManifest
{
    private static readonly IReadOnlyDictionary<string, string> None = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>metadata.name</c>: the name of the SealedSecret and of the Secret it creates.</summary>
    public required string Name { get; init; }

    /// <summary><c>metadata.namespace</c>; required unless the scope is cluster-wide.</summary>
    public string? Namespace { get; init; }

    /// <summary><c>metadata.labels</c>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = None;

    /// <summary><c>metadata.annotations</c>, including the scope annotation the controller reads.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = None;

    /// <summary><c>spec.encryptedData</c>: key to base64 sealed value.</summary>
    public IReadOnlyDictionary<string, string> EncryptedData { get; init; } = None;

    /// <summary><c>spec.template</c>.</summary>
    public SealedSecretTemplate Template { get; init; } = new();

    /// <summary>The file this manifest was read from, when it was read from one.</summary>
    public string? Source { get; init; }

    /// <summary>The 1-based line of the document in <see cref="Source"/>; 0 when not read from a file.</summary>
    public int Line { get; init; }

    /// <summary>The 1-based line of each <c>spec.encryptedData</c> key in <see cref="Source"/>, when read from a file.</summary>
    public IReadOnlyDictionary<string, int> EncryptedDataLines { get; init; } = new Dictionary<string, int>();

    /// <summary>The scope, as the controller reads it from <c>metadata.annotations</c>.</summary>
    public SealingScope Scope => SealingScopes.FromAnnotations(Annotations);

    /// <summary>What every value of this SealedSecret must be sealed for.</summary>
    public SealingTarget Target => new(Namespace, Name, Scope);

    /// <summary>Reads the one SealedSecret in a YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="source">The file it came from, for messages.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="SecretSealingException">The text is not YAML, holds no SealedSecret or more than one, or the SealedSecret is malformed.</exception>
    public static SealedSecretManifest Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var documents = ManifestDocument.ReadAll(yaml, source).Where(document => document.Kind == SealedSecretsWellKnown.Kind).ToList();
        if (documents.Count != 1)
        {
            throw new SecretSealingException(
                documents.Count == 0 ? "The file holds no SealedSecret." : $"The file holds {documents.Count} SealedSecrets; expected exactly one.",
                documents.Count == 0
                    ? "Point to a SealedSecret file, or to a path that does not exist yet."
                    : "Keep one SealedSecret per file; sealing rewrites the whole file.",
                source,
                documents.Count > 1 ? documents[1].Line : null);
        }

        var problems = new List<SealedSecretProblem>();
        var manifest = Read(documents[0], problems);
        if (problems.Count > 0)
        {
            var first = problems[0];
            throw new SecretSealingException(first.Message, first.Hint, first.File, first.Line);
        }

        return manifest!;
    }

    /// <summary>The manifest as YAML with every key sorted, ending in a newline.</summary>
    /// <returns>The YAML text.</returns>
    public string ToYaml()
    {
        var metadata = new Dictionary<string, object?>
        {
            ["name"] = Name,
            ["namespace"] = Namespace,
            ["labels"] = Labels.Count == 0 ? null : Labels,
            ["annotations"] = Annotations.Count == 0 ? null : Annotations,
        };
        var templateMetadata = new Dictionary<string, object?>
        {
            ["name"] = Template.Name,
            ["namespace"] = Template.Namespace,
            ["labels"] = Template.Labels.Count == 0 ? null : Template.Labels,
            ["annotations"] = Template.Annotations.Count == 0 ? null : Template.Annotations,
        };
        var template = new Dictionary<string, object?>
        {
            ["metadata"] = templateMetadata,
            ["type"] = Template.Type,
            ["immutable"] = Template.Immutable,
            ["data"] = Template.Data.Count == 0 ? null : Template.Data,
        };
        return ManifestYamlWriter.Write(new Dictionary<string, object?>
        {
            ["apiVersion"] = SealedSecretsWellKnown.ApiVersion,
            ["kind"] = SealedSecretsWellKnown.Kind,
            ["metadata"] = metadata,
            ["spec"] = new Dictionary<string, object?>
            {
                ["encryptedData"] = EncryptedData,
                ["template"] = template,
            },
        });
    }

    /// <summary>Reads a SealedSecret document, adding what is wrong with it to <paramref name="problems"/>.</summary>
    /// <returns>The manifest, or null when it has no name or no usable spec.</returns>
    internal static SealedSecretManifest? Read(ManifestDocument document, List<SealedSecretProblem> problems)
    {
        var file = document.Source;
        if (document.ApiVersion != SealedSecretsWellKnown.ApiVersion)
        {
            problems.Add(new SealedSecretProblem(
                file,
                document.Line,
                null,
                $"The SealedSecret has apiVersion '{document.ApiVersion}', not '{SealedSecretsWellKnown.ApiVersion}'.",
                $"Set apiVersion: {SealedSecretsWellKnown.ApiVersion}."));
        }

        var metadata = document.Metadata;
        var name = document.Name;
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(new SealedSecretProblem(
                file,
                metadata is null ? document.Line : ManifestDocument.LineOf(metadata),
                null,
                "The SealedSecret has no metadata.name.",
                "Name it: the Secret it creates gets the same name, and strict values are sealed for it."));
            return null;
        }

        var spec = ManifestDocument.Map(document.Root, "spec");
        var encryptedNode = spec is null ? null : ManifestDocument.Child(spec, "encryptedData");
        if (spec is null || encryptedNode is not (null or YamlMappingNode) && !(encryptedNode is YamlScalarNode scalar && ManifestDocument.IsNull(scalar)))
        {
            problems.Add(new SealedSecretProblem(
                file,
                spec is null ? document.Line : ManifestDocument.LineOf(encryptedNode ?? spec),
                null,
                spec is null ? $"The SealedSecret '{name}' has no spec." : $"spec.encryptedData of '{name}' is not a mapping of key to sealed value.",
                "Re-create the file with the Seal target."));
            return null;
        }

        var misfits = new List<(string Key, int Line)>();
        var encrypted = ManifestDocument.StringMap(encryptedNode as YamlMappingNode, misfits);
        foreach (var (key, line) in misfits)
        {
            problems.Add(new SealedSecretProblem(file, line, key, $"spec.encryptedData.{key} is not a string.", "Re-seal this key with the Seal target."));
        }

        var template = ManifestDocument.Map(spec, "template");
        var templateMetadata = template is null ? null : ManifestDocument.Map(template, "metadata");
        var immutable = template is null ? null : ManifestDocument.Scalar(template, "immutable");
        return new SealedSecretManifest
        {
            Name = name,
            Namespace = document.Namespace,
            Labels = ManifestDocument.Strings(metadata is null ? null : ManifestDocument.Map(metadata, "labels")),
            Annotations = ManifestDocument.Strings(metadata is null ? null : ManifestDocument.Map(metadata, "annotations")),
            EncryptedData = new SortedDictionary<string, string>(
                encrypted.ToDictionary(pair => pair.Key, pair => pair.Value.Value, StringComparer.Ordinal),
                StringComparer.Ordinal),
            EncryptedDataLines = encrypted.ToDictionary(pair => pair.Key, pair => pair.Value.Line, StringComparer.Ordinal),
            Template = new SealedSecretTemplate
            {
                Name = templateMetadata is null ? null : ManifestDocument.Scalar(templateMetadata, "name"),
                Namespace = templateMetadata is null ? null : ManifestDocument.Scalar(templateMetadata, "namespace"),
                Labels = ManifestDocument.Strings(templateMetadata is null ? null : ManifestDocument.Map(templateMetadata, "labels")),
                Annotations = ManifestDocument.Strings(templateMetadata is null ? null : ManifestDocument.Map(templateMetadata, "annotations")),
                Type = template is null ? null : ManifestDocument.Scalar(template, "type"),
                Immutable = immutable is null ? null : string.Equals(immutable, "true", StringComparison.OrdinalIgnoreCase),
                Data = ManifestDocument.Strings(template is null ? null : ManifestDocument.Map(template, "data")),
            },
            Source = file,
            Line = document.Line,
        };
    }
}
