using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using HomeLab.Cluster.Client;
using k8s;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HomeLab.Testing;

/// <summary>
/// A FAKE Kubernetes API server — not Kubernetes. It serves, on 127.0.0.1 and a random port, only the
/// endpoints the cluster client uses (discovery, GET/LIST with label and field selectors, streaming watches,
/// POST, PUT, PATCH recording content type and field manager, DELETE, pod logs), from an in-memory store.
/// It exists to test the client's logic; what a real API server does is tested by the [ClusterFact]s.
/// It stops itself when disposed or after two minutes, whichever comes first (the loopback base's lifetime);
/// open watch streams end when it stops. Shared as source, like its base, by the Assertions and Cluster tests.
/// </summary>
internal sealed class FakeApiServer : LoopbackHttpServer
{
    private readonly object _gate = new();
    private readonly List<FakeApiResource> _resources = [];
    private readonly Dictionary<string, JObject> _objects = new(StringComparer.Ordinal);
    private readonly List<(long Version, string Type, FakeApiResource Resource, JObject Object)> _history = [];
    private readonly List<Watcher> _watchers = [];
    private readonly Dictionary<string, string> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private long _resourceVersion = 100;
    private long _oldestWatchable;
    private TaskCompletionSource _changed = NewSignal();
    private TaskCompletionSource _watchersChanged = NewSignal();

    private FakeApiServer()
    {
        Serve("", "v1", "Namespace", "namespaces", namespaced: false);
        Serve("", "v1", "Pod", "pods", namespaced: true);
        Serve("", "v1", "ConfigMap", "configmaps", namespaced: true);
        Serve("", "v1", "Event", "events", namespaced: true);
        Serve("apps", "v1", "Deployment", "deployments", namespaced: true);
    }

    /// <summary>The fake's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Url => BaseAddress;

    /// <summary>Every request received, in order, with method, query, content type and body.</summary>
    public ConcurrentQueue<RecordedApiRequest> Received { get; } = new();

    /// <summary>When true, DELETE marks an object as deleting (namespaces: Terminating) and it stays until <see cref="FinishDeletions"/>.</summary>
    public bool DeferDeletion { get; set; }

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static FakeApiServer Start() => new();

    /// <summary>A connection to the fake through KubernetesClient, as a real cluster would be reached.</summary>
    public ClusterConnection Connect() => ClusterConnection.FromConfiguration(new KubernetesClientConfiguration { Host = Url.ToString() });

    /// <summary>Makes discovery serve a kind (a CRD installed, for instance).</summary>
    public void Serve(string group, string version, string kind, string plural, bool namespaced)
    {
        lock (_gate)
        {
            _resources.Add(new FakeApiResource(group, version, kind, plural, namespaced));
        }
    }

    /// <summary>Stores an object (creating or replacing it), as a controller would, and tells watchers.</summary>
    public JObject Put(JObject obj)
    {
        lock (_gate)
        {
            var resource = ResourceOf(obj);
            var stored = (JObject)obj.DeepClone();
            var key = Key(resource, Ns(stored), Name(stored)!);
            var existed = _objects.TryGetValue(key, out var before);
            var metadata = (JObject)stored["metadata"]!;
            metadata["uid"] = before?["metadata"]?["uid"] ?? Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = before?["metadata"]?["creationTimestamp"] ?? "2026-01-01T00:00:00Z";
            metadata["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
            _objects[key] = stored;
            Record(existed ? "MODIFIED" : "ADDED", resource, stored);
            return (JObject)stored.DeepClone();
        }
    }

    // A write that removes the last finalizer of an object being deleted completes the deletion, as the API server does.
    private JObject Store(JObject obj)
    {
        if (obj["metadata"]?["deletionTimestamp"] is null || obj["metadata"]?["finalizers"] is JArray { Count: > 0 })
        {
            return Put(obj);
        }

        var resource = ResourceOf(obj);
        _objects.Remove(Key(resource, Ns(obj), Name(obj)!));
        obj["metadata"]!["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
        Record("DELETED", resource, obj);
        return obj;
    }

    /// <summary>The stored object, or null.</summary>
    public JObject? Find(string apiVersion, string kind, string? @namespace, string name)
    {
        lock (_gate)
        {
            var resource = _resources.First(r => r.ApiVersion == apiVersion && r.Kind == kind);
            return _objects.TryGetValue(Key(resource, @namespace, name), out var obj) ? (JObject)obj.DeepClone() : null;
        }
    }

    /// <summary>Removes every object whose deletion was deferred, telling watchers.</summary>
    public void FinishDeletions()
    {
        lock (_gate)
        {
            foreach (var (key, obj) in _objects.Where(o => o.Value["metadata"]?["deletionTimestamp"] is not null).ToList())
            {
                _objects.Remove(key);
                obj["metadata"]!["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
                Record("DELETED", ResourceOf(obj), obj);
            }
        }
    }

    /// <summary>
    /// Forgets the watch history (as etcd compaction does): every open watch gets an ERROR 410 Gone and is
    /// closed, and then <paramref name="meanwhile"/> runs — changes no watch will ever report, only a relist.
    /// </summary>
    public void ExpireHistory(Action meanwhile)
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Gone = true;
            }

            meanwhile();
            _history.Clear();
            _oldestWatchable = _resourceVersion + 1;
            Signal();
        }
    }

    /// <summary>Sets the text a container's log returns.</summary>
    public void SetLogs(string @namespace, string pod, string container, string text)
    {
        lock (_gate)
        {
            _logs[$"{@namespace}/{pod}/{container}"] = text;
        }
    }

    /// <summary>Answers GETs of this exact path (unescaped) with this text, e.g. a service proxy's <c>…/proxy/v1/cert.pem</c>.</summary>
    public void ServeText(string path, string text)
    {
        lock (_gate)
        {
            _texts[path] = text;
        }
    }

    /// <summary>Waits until at least this many watches are open (so a test changes things only once the client listens).</summary>
    public async Task WaitForWatchersAsync(int count, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Stopping);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_watchers.Count(w => !w.Gone) >= count)
                {
                    return;
                }

                signal = _watchersChanged.Task;
            }

            await signal.WaitAsync(timeout.Token);
        }
    }

    /// <summary>The requests with this method whose path starts with this prefix.</summary>
    public IReadOnlyList<RecordedApiRequest> RequestsTo(string method, string pathPrefix) =>
        Received.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string? Ns(JObject obj) => obj["metadata"]?["namespace"]?.Value<string>();

    private static string? Name(JObject obj) => obj["metadata"]?["name"]?.Value<string>();

    private static string Key(FakeApiResource resource, string? @namespace, string name) =>
        $"{resource.Group}/{resource.Plural}/{(resource.Namespaced ? @namespace : null)}/{name}";

    private static JObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["status"] = "Failure",
        ["reason"] = reason,
        ["message"] = message,
        ["code"] = code,
    };

    private static void Merge(JObject target, JObject patch)
    {
        foreach (var property in patch.Properties())
        {
            if (property.Value.Type == JTokenType.Null)
            {
                target.Remove(property.Name);
            }
            else if (property.Value is JObject child && target[property.Name] is JObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[property.Name] = property.Value.DeepClone();
            }
        }
    }

    private static bool Selects(JObject obj, string? labelSelector, string? fieldSelector)
    {
        foreach (var term in (labelSelector ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var negated = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negated ? "!=" : "=", 2);
            var actual = obj["metadata"]?["labels"]?[parts[0].Trim()]?.Value<string>();
            var holds = parts.Length == 1 ? actual is not null : negated ? actual != parts[1] : actual == parts[1];
            if (!holds)
            {
                return false;
            }
        }

        foreach (var term in (fieldSelector ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = term.Split('=', 2);
            if (obj.SelectToken(parts[0])?.ToString() != parts[1])
            {
                return false;
            }
        }

        return true;
    }

    private FakeApiResource ResourceOf(JObject obj)
    {
        var apiVersion = obj["apiVersion"]?.Value<string>();
        var kind = obj["kind"]?.Value<string>();
        return _resources.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind)
            ?? throw new InvalidOperationException($"the fake does not serve {apiVersion} {kind}; call Serve first");
    }

    private void Record(string type, FakeApiResource resource, JObject obj)
    {
        _history.Add((_resourceVersion, type, resource, (JObject)obj.DeepClone()));
        Signal();
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    /// <inheritdoc />
    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var query = request.QueryString.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.QueryString[k]!, StringComparer.Ordinal);
        var recorded = new RecordedApiRequest(request.HttpMethod, request.Url!.AbsolutePath, query, request.ContentType, body);
        Received.Enqueue(recorded);
        try
        {
            if (recorded.Method == "GET" && query.TryGetValue("watch", out var watch) && watch is "true" or "1")
            {
                await ServeWatchAsync(context, recorded);
                return;
            }

            var (status, reply, contentType) = Route(recorded);
            await RespondAsync(context, status, contentType, reply);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away.
        }
    }

    private (int Status, string Body, string ContentType) Route(RecordedApiRequest request)
    {
        lock (_gate)
        {
            if (request.Method == "GET" && _texts.TryGetValue(Uri.UnescapeDataString(request.Path), out var text))
            {
                return (200, text, "text/plain");
            }

            var segments = request.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            switch (segments)
            {
                case ["version"]:
                    return Json(200, new JObject { ["major"] = "1", ["minor"] = "32", ["gitVersion"] = "v1.32.0-fake" });
                case ["api"]:
                    return Json(200, new JObject { ["kind"] = "APIVersions", ["versions"] = new JArray("v1") });
                case ["apis"]:
                    return Json(200, new JObject
                    {
                        ["kind"] = "APIGroupList",
                        ["apiVersion"] = "v1",
                        ["groups"] = new JArray(_resources.Where(r => r.Group.Length > 0).GroupBy(r => r.Group).Select(g => new JObject
                        {
                            ["name"] = g.Key,
                            ["versions"] = new JArray(g.Select(r => r.Version).Distinct().Select(v => new JObject { ["groupVersion"] = $"{g.Key}/{v}", ["version"] = v })),
                        })),
                    });
                case ["api", var version]:
                    return Discovery(string.Empty, version);
                case ["apis", var group, var version]:
                    return Discovery(group, version);
                case ["api", var version, .. var rest]:
                    return Resource(request, string.Empty, version, rest);
                case ["apis", var group, var version, .. var rest]:
                    return Resource(request, group, version, rest);
                default:
                    return Json(404, Status(404, "NotFound", $"the fake serves no {request.Path}"));
            }
        }
    }

    private (int, string, string) Discovery(string group, string version)
    {
        var served = _resources.Where(r => r.Group == group && r.Version == version).ToList();
        if (served.Count == 0)
        {
            return Json(404, Status(404, "NotFound", "the server could not find the requested resource"));
        }

        var resources = new JArray();
        foreach (var r in served)
        {
            resources.Add(new JObject { ["name"] = r.Plural, ["namespaced"] = r.Namespaced, ["kind"] = r.Kind, ["verbs"] = new JArray("get", "list", "watch", "create", "update", "patch", "delete") });
            if (r.Kind == "Pod")
            {
                resources.Add(new JObject { ["name"] = "pods/log", ["namespaced"] = true, ["kind"] = "Pod", ["verbs"] = new JArray("get") });
            }
        }

        return Json(200, new JObject { ["kind"] = "APIResourceList", ["apiVersion"] = "v1", ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}", ["resources"] = resources });
    }

    private (int, string, string) Resource(RecordedApiRequest request, string group, string version, string[] rest)
    {
        string? ns = null;
        if (rest is ["namespaces", var n, _, ..])
        {
            ns = n;
            rest = rest[2..];
        }

        var resource = _resources.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == rest[0]);
        if (resource is null)
        {
            return Json(404, Status(404, "NotFound", $"the server could not find the requested resource {request.Path}"));
        }

        var name = rest.Length > 1 ? rest[1] : null;
        if (rest is [_, _, "log"])
        {
            return Logs(request, ns!, name!);
        }

        request.Query.TryGetValue("labelSelector", out var labels);
        request.Query.TryGetValue("fieldSelector", out var fields);
        var key = name is null ? null : Key(resource, ns, name);
        var existing = key is not null && _objects.TryGetValue(key, out var found) ? found : null;
        JObject? incoming = request.Body.Length > 0 && request.Body.TrimStart().StartsWith('{') ? JObject.Parse(request.Body) : null;
        switch (request.Method, name)
        {
            case ("GET", null):
                var items = _objects.Values
                    .Where(o => ResourceOf(o) == resource && (ns is null || Ns(o) == ns) && Selects(o, labels, fields))
                    .Select(o =>
                    {
                        var item = (JObject)o.DeepClone();
                        item.Remove("apiVersion");
                        item.Remove("kind");
                        return item;
                    });
                return Json(200, new JObject
                {
                    ["kind"] = resource.Kind + "List",
                    ["apiVersion"] = resource.ApiVersion,
                    ["metadata"] = new JObject { ["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture) },
                    ["items"] = new JArray(items),
                });
            case ("GET", _):
                return existing is null ? NotFound(resource, name) : Json(200, existing);
            case ("POST", null):
                var createName = Name(incoming!)!;
                if (_objects.TryGetValue(Key(resource, ns, createName), out var clash))
                {
                    return Json(409, Status(409, "AlreadyExists", $"{resource.Plural} \"{createName}\" already exists"));
                }

                return Json(201, Put(incoming!));
            case ("PUT", _):
                if (existing is null)
                {
                    return NotFound(resource, name);
                }

                if (incoming!["metadata"]?["resourceVersion"]?.Value<string>() != existing["metadata"]!["resourceVersion"]!.Value<string>())
                {
                    return Json(409, Status(409, "Conflict", "the object has been modified; please apply your changes to the latest version and try again"));
                }

                return Json(200, Store(incoming));
            case ("PATCH", _):
                // dryRun=All: answer what the write would store, store nothing.
                var dryRun = request.Query.ContainsKey("dryRun");
                if (request.ContentType == "application/apply-patch+yaml")
                {
                    if (existing is null)
                    {
                        return Json(201, dryRun ? incoming! : Put(incoming!));
                    }
                }
                else if (existing is null)
                {
                    return NotFound(resource, name);
                }

                var merged = (JObject)existing.DeepClone();
                if (incoming is not null)
                {
                    Merge(merged, incoming);
                }

                return Json(200, dryRun ? merged : Store(merged));
            case ("DELETE", _):
                if (existing is null)
                {
                    return NotFound(resource, name);
                }

                if (DeferDeletion || existing["metadata"]?["finalizers"] is JArray { Count: > 0 })
                {
                    var deleting = (JObject)existing.DeepClone();
                    deleting["metadata"]!["deletionTimestamp"] = "2026-01-01T00:01:00Z";
                    if (resource.Kind == "Namespace")
                    {
                        deleting["status"] = new JObject { ["phase"] = "Terminating" };
                    }

                    return Json(200, Put(deleting));
                }

                _objects.Remove(key!);
                existing["metadata"]!["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
                Record("DELETED", resource, existing);
                return Json(200, existing);
            default:
                return Json(405, Status(405, "MethodNotAllowed", $"the fake does not do {request.Method} {request.Path}"));
        }
    }

    private (int, string, string) Logs(RecordedApiRequest request, string @namespace, string pod)
    {
        request.Query.TryGetValue("container", out var container);
        if (!_logs.TryGetValue($"{@namespace}/{pod}/{container}", out var text))
        {
            return Json(400, Status(400, "BadRequest", $"container \"{container}\" in pod \"{pod}\" is waiting to start"));
        }

        if (request.Query.TryGetValue("tailLines", out var tail))
        {
            var lines = text.TrimEnd('\n').Split('\n');
            text = string.Join('\n', lines.TakeLast(int.Parse(tail, CultureInfo.InvariantCulture))) + "\n";
        }

        return (200, text, "text/plain");
    }

    private static (int, string, string) NotFound(FakeApiResource resource, string? name) =>
        Json(404, Status(404, "NotFound", $"{resource.Plural} \"{name}\" not found"));

    private static (int, string, string) Json(int status, JObject body) => (status, body.ToString(Formatting.None), "application/json");

    private async Task ServeWatchAsync(HttpListenerContext context, RecordedApiRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        var (group, version, rest) = segments[0] == "api" ? (string.Empty, segments[1], segments[2..]) : (segments[1], segments[2], segments[3..]);
        string? ns = null;
        if (rest is ["namespaces", var n, _])
        {
            ns = n;
            rest = rest[2..];
        }

        FakeApiResource resource;
        var watcher = new Watcher();
        lock (_gate)
        {
            resource = _resources.First(r => r.Group == group && r.Version == version && r.Plural == rest[0]);
            _watchers.Add(watcher);
            var previous = _watchersChanged;
            _watchersChanged = NewSignal();
            previous.TrySetResult();
        }

        request.Query.TryGetValue("labelSelector", out var labels);
        request.Query.TryGetValue("fieldSelector", out var fields);
        var cursor = long.Parse(request.Query.GetValueOrDefault("resourceVersion") ?? "0", CultureInfo.InvariantCulture);
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.SendChunked = true;
        try
        {
            // A bookmark first, as servers send with allowWatchBookmarks; it also puts the headers on the wire.
            await WriteEventAsync(response, new JObject { ["type"] = "BOOKMARK", ["object"] = new JObject { ["kind"] = resource.Kind, ["apiVersion"] = resource.ApiVersion, ["metadata"] = new JObject { ["resourceVersion"] = cursor.ToString(CultureInfo.InvariantCulture) } } });
            while (!Stopping.IsCancellationRequested)
            {
                List<JObject> pending;
                Task signal;
                bool gone;
                lock (_gate)
                {
                    gone = watcher.Gone || cursor < _oldestWatchable - 1;
                    pending = _history
                        .Where(h => h.Version > cursor && h.Resource == resource && (ns is null || Ns(h.Object) == ns) && Selects(h.Object, labels, fields))
                        .Select(h => new JObject { ["type"] = h.Type, ["object"] = h.Object.DeepClone() })
                        .ToList();
                    cursor = _history.Count == 0 ? cursor : Math.Max(cursor, _history[^1].Version);
                    signal = _changed.Task;
                }

                if (gone)
                {
                    await WriteEventAsync(response, new JObject { ["type"] = "ERROR", ["object"] = Status(410, "Expired", "too old resource version") });
                    break;
                }

                foreach (var e in pending)
                {
                    await WriteEventAsync(response, e);
                }

                await signal.WaitAsync(Stopping);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(watcher);
            }

            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or InvalidOperationException)
            {
            }
        }
    }

    private static async Task WriteEventAsync(HttpListenerResponse response, JObject watchEvent)
    {
        var bytes = Encoding.UTF8.GetBytes(watchEvent.ToString(Formatting.None) + "\n");
        await response.OutputStream.WriteAsync(bytes);
        await response.OutputStream.FlushAsync();
    }

    private sealed class Watcher
    {
        public bool Gone { get; set; }
    }
}
