using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Sources;

/// <summary>
/// Rendered manifests as a source: objects looked up by apiVersion, kind, namespace and name (never "the
/// first object loaded"), listed with label selectors (<c>in</c>, <c>notin</c>, <c>!key</c>) and simple field
/// selectors. Nothing changes while a test waits, so <see cref="IsLive"/> is false and waiting ends at once.
/// </summary>
public sealed class ManifestSource : IResourceSource
{
    private readonly ResourceIndex _index = new();
    private readonly Dictionary<JObject, KubeObject> _origins = new(ReferenceEqualityComparer.Instance);
    private readonly List<Finding> _findings = [];

    /// <summary>Creates a source over objects.</summary>
    /// <param name="objects">The objects; a later object with the same identity replaces an earlier one.</param>
    /// <param name="description">What the set is, for messages: <c>rendered k3s</c>.</param>
    public ManifestSource(IEnumerable<KubeObject> objects, string description = "rendered manifests")
    {
        ArgumentNullException.ThrowIfNull(objects);
        Description = description;
        foreach (var obj in objects)
        {
            JObject json;
            try
            {
                json = (JObject)YamlJson.ToJToken(obj.Root);
            }
            catch (Trees.AssertionSyntaxException ex)
            {
                _findings.Add(new Finding(ExpansionRule, Severity.Error, ex.Message) { Span = ex.Span, Object = obj.Ref, Hint = "the object is left out of the source" });
                continue;
            }

            _index.Put(json);
            _origins[json] = obj;
        }
    }

    /// <summary>The rule id of an object left out because its aliases expand past the limit.</summary>
    public const string ExpansionRule = "assert/expansion-limit";

    /// <summary>Objects left out of the source, each with why (a document whose aliases expand past the limit).</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public bool IsLive => false;

    /// <summary>How many objects the source holds.</summary>
    public int Count => _index.Count;

    /// <summary>Creates a source over every manifest file under the given files or directories.</summary>
    /// <param name="paths">Files or directories.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    /// <returns>The source and the set it was loaded from (whose findings report load errors).</returns>
    public static async Task<(ManifestSource Source, ManifestSet Set)> LoadAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var list = paths.ToList();
        var set = await ManifestSet.LoadAsync(list, cancellationToken).ConfigureAwait(false);
        return (new ManifestSource(set.Objects, "rendered " + string.Join(", ", list)), set);
    }

    /// <summary>The manifest object an object returned by this source was converted from (for file:line in messages).</summary>
    /// <param name="obj">An object this source returned.</param>
    /// <returns>The manifest object, or null when the object did not come from this source.</returns>
    public KubeObject? OriginOf(JObject obj) => _origins.GetValueOrDefault(obj);

    /// <inheritdoc />
    public Task<JObject?> GetAsync(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(_index.Query(query).FirstOrDefault());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JObject>> ListAsync(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult<IReadOnlyList<JObject>>(_index.Query(query).ToList());
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ResourceChange>? Watch(ResourceQuery query, CancellationToken cancellationToken) => null;
}
