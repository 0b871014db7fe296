using System.Text;
using k8s.Models;

namespace HomeLab.Cluster.Secrets;

/// <summary>Reads a plain Secret manifest (the input of sealing) into the KubernetesClient model, with line-accurate errors.</summary>
internal static class PlainSecretReader
{
    public static V1Secret Read(string path)
    {
        var text = TextFiles.Read(path, "Secret manifest", "Pass a Secret manifest, such as the output of 'kubectl create secret ... --dry-run=client -o yaml'.");
        return Parse(text, path);
    }

    public static V1Secret Parse(string text, string source)
    {
        var documents = ManifestDocument.ReadAll(text, source);
        if (documents.Count != 1)
        {
            throw new SecretSealingException(
                documents.Count == 0 ? "The file holds no Kubernetes object." : $"The file holds {documents.Count} objects; expected one Secret.",
                "Seal one Secret per file.",
                source,
                documents.Count > 1 ? documents[1].Line : null);
        }

        var document = documents[0];
        if (document.Kind == SealedSecretsWellKnown.Kind)
        {
            throw new SecretSealingException("The file holds a SealedSecret, which is already sealed.", "Pass the plain Secret to seal.", source, document.Line);
        }

        if (document.Kind != "Secret" || document.ApiVersion != "v1")
        {
            throw new SecretSealingException(
                $"The file holds a {document.ApiVersion ?? "(no apiVersion)"} {document.Kind ?? "(no kind)"}, not a v1 Secret.",
                "Pass a Secret manifest (apiVersion: v1, kind: Secret).",
                source,
                document.Line);
        }

        var metadata = document.Metadata;
        var immutable = ManifestDocument.Scalar(document.Root, "immutable");
        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = document.Name,
                NamespaceProperty = document.Namespace,
                Labels = ManifestDocument.Strings(metadata is null ? null : ManifestDocument.Map(metadata, "labels")),
                Annotations = ManifestDocument.Strings(metadata is null ? null : ManifestDocument.Map(metadata, "annotations")),
            },
            Type = ManifestDocument.Scalar(document.Root, "type"),
            Immutable = immutable is null ? null : string.Equals(immutable, "true", StringComparison.OrdinalIgnoreCase),
            Data = Data(document, source),
            StringData = StringData(document, source),
        };
    }

    private static Dictionary<string, byte[]> Data(ManifestDocument document, string source)
    {
        var misfits = new List<(string Key, int Line)>();
        var data = ManifestDocument.StringMap(ManifestDocument.Map(document.Root, "data"), misfits);
        Reject(misfits, "data", source);
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, (value, line)) in data)
        {
            try
            {
                result[key] = Convert.FromBase64String(value);
            }
            catch (FormatException ex)
            {
                throw new SecretSealingException(
                    $"data.{key} is not valid base64.",
                    "Values under data are base64; put plain text under stringData instead.",
                    source,
                    line,
                    ex);
            }
        }

        return result;
    }

    private static Dictionary<string, string> StringData(ManifestDocument document, string source)
    {
        var misfits = new List<(string Key, int Line)>();
        var data = ManifestDocument.StringMap(ManifestDocument.Map(document.Root, "stringData"), misfits);
        Reject(misfits, "stringData", source);
        return data.ToDictionary(pair => pair.Key, pair => pair.Value.Value, StringComparer.Ordinal);
    }

    private static void Reject(List<(string Key, int Line)> misfits, string field, string source)
    {
        if (misfits.Count > 0)
        {
            var (key, line) = misfits[0];
            throw new SecretSealingException($"{field}.{key} is not a string.", "Secret values are strings; quote them or use a block scalar.", source, line);
        }
    }

    /// <summary>Reads <c>key=value</c> literals, as <c>kubectl create secret --from-literal</c> does.</summary>
    public static IEnumerable<(string Key, byte[] Value, string Origin)> Literals(IEnumerable<string> literals)
    {
        foreach (var literal in literals)
        {
            var equals = literal.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new SecretSealingException(
                    $"The literal '{Mask(literal)}' is not key=value.",
                    "Write each literal as key=value; the value may contain '='.");
            }

            yield return (literal[..equals], Encoding.UTF8.GetBytes(literal[(equals + 1)..]), "literal");
        }
    }

    /// <summary>Reads <c>key=path</c> or <c>path</c> file sources, as <c>kubectl create secret --from-file</c> does.</summary>
    public static IEnumerable<(string Key, byte[] Value, string Origin)> Files(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var equals = file.IndexOf('=', StringComparison.Ordinal);
            var (key, path) = equals > 0 ? (file[..equals], file[(equals + 1)..]) : (Path.GetFileName(file), file);
            yield return (key, TextFiles.ReadBytes(path, "value file", "Give files as key=path or path (the key is then the file name)."), path);
        }
    }

    // A literal without '=' may be a bare value; never echo more than its start.
    private static string Mask(string literal) => literal.Length <= 3 ? "***" : literal[..3] + "***";
}
