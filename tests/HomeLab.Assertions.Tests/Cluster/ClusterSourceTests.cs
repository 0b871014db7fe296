using HomeLab.Assertions.Cluster;
using HomeLab.Assertions.Sources;
using HomeLab.Cluster.Client;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Tests.Cluster;

/// <summary>Discovery, reads and watches of <see cref="ClusterSource"/>, against the loopback <see cref="FakeApiServer"/>.</summary>
public sealed class ClusterSourceTests : IAsyncLifetime
{
    private readonly FakeApiServer _server = FakeApiServer.Start();
    private readonly ClusterConnection _connection;
    private readonly ClusterSource _source;

    public ClusterSourceTests()
    {
        _connection = _server.Connect();
        _source = new ClusterSource(_connection);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Discovery_maps_core_group_and_cluster_scoped_kinds_to_their_resources()
    {
        var ct = TestObjects.Within(10);

        var pod = await _source.Discovery.ResolveAsync("v1", "Pod", ct);
        var deployment = await _source.Discovery.ResolveAsync("apps/v1", "Deployment", ct);
        var ns = await _source.Discovery.ResolveAsync("v1", "Namespace", ct);

        pod.Should().Be(new ApiResource("", "v1", "Pod", "pods", true), "the pods/log subresource must not shadow pods");
        deployment.CollectionPath("web").Should().Be("/apis/apps/v1/namespaces/web/deployments");
        ns.Namespaced.Should().BeFalse();
        ns.ObjectPath("ignored", "kube-system").Should().Be("/api/v1/namespaces/kube-system");
    }

    [Fact]
    public async Task Discovery_is_cached_and_asks_again_once_for_a_kind_it_has_not_seen()
    {
        var ct = TestObjects.Within(10);
        _server.Serve("homelab.dev", "v1alpha1", "Gadget", "gadgets", namespaced: true);
        await _source.Discovery.ResolveAsync("homelab.dev/v1alpha1", "Gadget", ct);
        await _source.Discovery.ResolveAsync("homelab.dev/v1alpha1", "Gadget", ct);
        _server.RequestsTo("GET", "/apis/homelab.dev/v1alpha1").Should().HaveCount(1, "the second lookup is cached");

        _server.Serve("homelab.dev", "v1alpha1", "Widget", "widgets", namespaced: true);
        var widget = await _source.Discovery.ResolveAsync("homelab.dev/v1alpha1", "Widget", ct);

        widget.Plural.Should().Be("widgets");
        _server.RequestsTo("GET", "/apis/homelab.dev/v1alpha1").Should().HaveCount(2);
    }

    [Fact]
    public async Task An_unknown_kind_names_the_kinds_the_cluster_serves()
    {
        var act = () => _source.Discovery.ResolveAsync("apps/v1", "Deploymnet", TestObjects.Within(10));

        var error = (await act.Should().ThrowAsync<UnknownKindException>()).Which;
        error.Message.Should().Contain("no kind Deploymnet in apps/v1").And.Contain("Deployment");
    }

    [Fact]
    public async Task An_API_group_that_is_not_installed_suggests_installing_the_CRD()
    {
        var act = () => _source.Discovery.ResolveAsync("monitoring.coreos.com/v1", "ServiceMonitor", TestObjects.Within(10));

        (await act.Should().ThrowAsync<UnknownKindException>()).Which.Message.Should().Contain("is the CRD");
    }

    [Fact]
    public async Task List_sends_label_and_field_selectors_and_returns_objects_in_namespace_then_name_order()
    {
        _server.Put(TestObjects.ConfigMap("b", "two", app: "web"));
        _server.Put(TestObjects.ConfigMap("a", "two", app: "web"));
        _server.Put(TestObjects.ConfigMap("z", "one", app: "web"));
        _server.Put(TestObjects.ConfigMap("db", "one", app: "db"));

        var web = await _source.ListAsync(new ResourceQuery("v1", "ConfigMap", LabelSelector: "app=web"), TestObjects.Within(10));
        var named = await _source.ListAsync(new ResourceQuery("v1", "ConfigMap", "two", FieldSelector: "metadata.name=b"), TestObjects.Within(10));

        web.Select(o => $"{o["metadata"]!["namespace"]}/{o["metadata"]!["name"]}").Should().Equal("one/z", "two/a", "two/b");
        named.Should().ContainSingle().Which["apiVersion"]!.Value<string>().Should().Be("v1");
        _server.RequestsTo("GET", "/api/v1/configmaps").Single().Query["labelSelector"].Should().Be("app=web");
        _server.RequestsTo("GET", "/api/v1/namespaces/two/configmaps").Single().Query["fieldSelector"].Should().Be("metadata.name=b");
    }

    [Fact]
    public async Task Custom_resources_are_read_through_the_same_paths_as_built_in_kinds()
    {
        _server.Serve("homelab.dev", "v1alpha1", "Widget", "widgets", namespaced: true);
        _server.Put(TestObjects.Widget("w1", "lab", "True"));

        var one = await _source.GetAsync(new ResourceQuery("homelab.dev/v1alpha1", "Widget", "lab", "w1"), TestObjects.Within(10));
        var all = await _source.ListAsync(new ResourceQuery("homelab.dev/v1alpha1", "Widget"), TestObjects.Within(10));

        one!["status"]!["phase"]!.Value<string>().Should().Be("Running");
        all.Should().ContainSingle().Which["kind"]!.Value<string>().Should().Be("Widget");
        _server.RequestsTo("GET", "/apis/homelab.dev/v1alpha1/namespaces/lab/widgets/w1").Should().ContainSingle();
    }

    [Fact]
    public async Task Timestamps_stay_the_strings_the_server_sent()
    {
        _server.Put(TestObjects.ConfigMap("stamped", "lab"));

        var obj = await _source.GetAsync(new ResourceQuery("v1", "ConfigMap", "lab", "stamped"), TestObjects.Within(10));

        obj!["metadata"]!["creationTimestamp"]!.Type.Should().Be(JTokenType.String);
        obj["metadata"]!["creationTimestamp"]!.Value<string>().Should().Be("2026-01-01T00:00:00Z");
    }

    [Fact]
    public async Task A_watch_starts_from_the_list_and_reports_additions_changes_and_deletions_in_order()
    {
        var ct = TestObjects.Within(20);
        _server.Put(TestObjects.ConfigMap("existing", "lab"));
        await using var changes = _source.Watch(new ResourceQuery("v1", "ConfigMap", "lab"), ct)!.GetAsyncEnumerator(ct);
        var first = changes.MoveNextAsync().AsTask();
        await _server.WaitForWatchersAsync(1, ct);

        _server.Put(TestObjects.ConfigMap("new", "lab"));
        _server.Put(TestObjects.ConfigMap("existing", "lab", state: "changed"));
        await new ClusterOperations(_source).DeleteAsync(new ResourceQuery("v1", "ConfigMap", "lab", "new"), ct);

        var seen = new List<string>();
        (await first).Should().BeTrue();
        seen.Add($"{changes.Current.Type} {changes.Current.Object["metadata"]!["name"]}");
        while (seen.Count < 3 && await changes.MoveNextAsync())
        {
            seen.Add($"{changes.Current.Type} {changes.Current.Object["metadata"]!["name"]}");
        }

        seen.Should().Equal("Added new", "Modified existing", "Deleted new");
        _server.RequestsTo("GET", "/api/v1/namespaces/lab/configmaps").First(r => r.Query.ContainsKey("watch")).Query["resourceVersion"]
            .Should().Be("101", "the watch continues from the list's resourceVersion");
    }

    [Fact]
    public async Task A_watch_relists_after_410_Gone_and_reports_what_changed_meanwhile()
    {
        var ct = TestObjects.Within(20);
        _server.Put(TestObjects.ConfigMap("kept", "lab"));
        _server.Put(TestObjects.ConfigMap("dropped", "lab"));
        await using var changes = _source.Watch(new ResourceQuery("v1", "ConfigMap", "lab"), ct)!.GetAsyncEnumerator(ct);
        var next = changes.MoveNextAsync().AsTask();
        await _server.WaitForWatchersAsync(1, ct);

        _server.ExpireHistory(() =>
        {
            _server.Put(TestObjects.ConfigMap("kept", "lab", state: "changed while gone"));
        });
        await new ClusterOperations(_source).DeleteAsync(new ResourceQuery("v1", "ConfigMap", "lab", "dropped"), ct);

        (await next).Should().BeTrue();
        changes.Current.Type.Should().Be(ResourceChangeType.Modified);
        changes.Current.Object["data"]!["state"]!.Value<string>().Should().Be("changed while gone");
        (await changes.MoveNextAsync()).Should().BeTrue();
        changes.Current.Type.Should().Be(ResourceChangeType.Deleted);
        changes.Current.Object["metadata"]!["name"]!.Value<string>().Should().Be("dropped");
        _server.RequestsTo("GET", "/api/v1/namespaces/lab/configmaps").Count(r => !r.Query.ContainsKey("watch") && !r.Query.ContainsKey("fieldSelector"))
            .Should().Be(2, "the watch relisted once after 410");
    }
}
