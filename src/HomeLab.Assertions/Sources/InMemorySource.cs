using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Sources;

/// <summary>
/// A live source held in memory: objects can be put and removed while a test waits, and watchers see each
/// change at once. For unit tests of assertions and for the in-memory <see cref="Operations.InMemoryCluster"/>.
/// Thread-safe.
/// </summary>
public sealed class InMemorySource : IResourceSource
{
    private readonly Lock _lock = new();
    private readonly ResourceIndex _index = new();
    private readonly List<(ResourceQuery Query, ChannelWriter<ResourceChange> Writer)> _watchers = [];

    /// <summary>Creates an empty source.</summary>
    /// <param name="description">What the source is, for messages.</param>
    public InMemorySource(string description = "in-memory cluster") => Description = description;

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public bool IsLive => true;

    /// <summary>Whether <see cref="Watch"/> streams changes; when false, waiting falls back to polling.</summary>
    public bool CanWatch { get; init; } = true;

    /// <summary>Puts an object (adding or replacing it by apiVersion, kind, namespace and name) and tells watchers.</summary>
    /// <param name="obj">The object; the source keeps a copy.</param>
    public void Put(JObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var copy = (JObject)obj.DeepClone();
        lock (_lock)
        {
            var old = _index.Put(copy);
            Notify(new ResourceChange(old is null ? ResourceChangeType.Added : ResourceChangeType.Modified, copy));
        }
    }

    /// <summary>Puts an object written as YAML or JSON.</summary>
    /// <param name="yaml">One object.</param>
    public void Put(string yaml) => Put((JObject)YamlJson.ToJToken(Manifests.Yaml.YamlLoader.Default.LoadString(yaml, "inline").Documents[0].Root));

    /// <summary>Removes an object and tells watchers.</summary>
    /// <param name="apiVersion">Its apiVersion.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="namespace">Its namespace, or null.</param>
    /// <param name="name">Its name.</param>
    /// <returns>Whether it existed.</returns>
    public bool Remove(string apiVersion, string kind, string? @namespace, string name)
    {
        lock (_lock)
        {
            var old = _index.Remove(apiVersion, kind, @namespace, name);
            if (old is not null)
            {
                Notify(new ResourceChange(ResourceChangeType.Deleted, old));
            }

            return old is not null;
        }
    }

    /// <summary>Every object held, in a stable order.</summary>
    /// <returns>Copies of the objects.</returns>
    public IReadOnlyList<JObject> Snapshot()
    {
        lock (_lock)
        {
            return _index.All.Select(o => (JObject)o.DeepClone()).ToList();
        }
    }

    /// <inheritdoc />
    public Task<JObject?> GetAsync(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            return Task.FromResult(_index.Query(query).FirstOrDefault()?.DeepClone() as JObject);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JObject>> ListAsync(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<JObject>>(_index.Query(query).Select(o => (JObject)o.DeepClone()).ToList());
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ResourceChange>? Watch(ResourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!CanWatch)
        {
            return null;
        }

        var channel = Channel.CreateUnbounded<ResourceChange>();
        lock (_lock)
        {
            _watchers.Add((query, channel.Writer));
        }

        return Read(channel, cancellationToken);
    }

    private async IAsyncEnumerable<ResourceChange> Read(Channel<ResourceChange> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var change))
                {
                    yield return change;
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.RemoveAll(w => w.Writer == channel.Writer);
            }
        }
    }

    private void Notify(ResourceChange change)
    {
        var (apiVersion, kind, _, _) = ResourceIndex.Identify(change.Object);
        foreach (var (query, writer) in _watchers)
        {
            if (query.ApiVersion == apiVersion && query.Kind == kind && ResourceIndex.Selects(query, change.Object))
            {
                writer.TryWrite(change with { Object = (JObject)change.Object.DeepClone() });
            }
        }
    }
}
