using HomeLab.Assertions.Cluster;
using HomeLab.Assertions.Operations;
using HomeLab.Assertions.Sources;
using HomeLab.Cluster.Client;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Tests.Cluster;

/// <summary>
/// What the cluster client must do against any API server. Runs against the loopback fake
/// (<see cref="ClusterBehaviourOnFakeApiServerTests"/>), a real cluster from the kubeconfig
/// (<see cref="ClusterBehaviourOnLiveClusterTests"/>) and a Testcontainers k3s (<see cref="ClusterBehaviourOnK3sTests"/>);
/// the last two skip with the reason when there is none.
/// </summary>
public abstract class ClusterBehaviourTests : IAsyncLifetime
{
    private ClusterConnection? _connection;

    private protected ClusterSource Source { get; private set; } = null!;

    private protected ClusterOperations Operations { get; private set; } = null!;

    private protected string Namespace { get; } = $"homelab-test-{Guid.NewGuid().ToString("N")[..8]}";

    private bool NamespaceCreated { get; set; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (NamespaceCreated)
        {
            // Only what the test created is cleaned up.
            await Operations.DeleteNamespaceAsync(Namespace, TestObjects.Within(120));
        }

        _connection?.Dispose();
        await DisposeServerAsync();
    }

    [SkippableFact]
    public async Task Applied_objects_are_read_back_by_name_and_listed_by_label()
    {
        await ArrangeAsync();
        var ct = TestObjects.Within(30);
        await Operations.ApplyAsync(TestObjects.ConfigMap("web-config", app: "web"), Namespace, ct);
        await Operations.ApplyAsync(TestObjects.ConfigMap("db-config", app: "db"), Namespace, ct);

        var web = await Source.GetAsync(new ResourceQuery("v1", "ConfigMap", Namespace, "web-config"), ct);
        var listed = await Source.ListAsync(new ResourceQuery("v1", "ConfigMap", Namespace, LabelSelector: "app=web"), ct);
        var missing = await Source.GetAsync(new ResourceQuery("v1", "ConfigMap", Namespace, "no-such-config"), ct);

        web.Should().NotBeNull();
        web!["metadata"]!["namespace"]!.Value<string>().Should().Be(Namespace);
        listed.Select(o => o["metadata"]!["name"]!.Value<string>()).Should().Equal("web-config");
        listed[0]["kind"]!.Value<string>().Should().Be("ConfigMap", "list items get their kind back for assertions");
        missing.Should().BeNull();
    }

    [SkippableFact]
    public async Task Apply_says_whether_it_created_the_object()
    {
        await ArrangeAsync();
        var ct = TestObjects.Within(30);

        var first = await Operations.ApplyAsync(TestObjects.ConfigMap("applied", state: "one"), Namespace, ct);
        var second = await Operations.ApplyAsync(TestObjects.ConfigMap("applied", state: "two"), Namespace, ct);

        first.Created.Should().BeTrue();
        second.Created.Should().BeFalse();
        second.Object["data"]!["state"]!.Value<string>().Should().Be("two");
    }

    [SkippableFact]
    public async Task A_watch_reports_a_change_made_after_it_started()
    {
        await ArrangeAsync();
        var ct = TestObjects.Within(30);
        await Operations.ApplyAsync(TestObjects.ConfigMap("watched"), Namespace, ct);
        await using var changes = Source.Watch(new ResourceQuery("v1", "ConfigMap", Namespace, "watched"), ct)!.GetAsyncEnumerator(ct);
        var next = changes.MoveNextAsync().AsTask();
        await WatchOpenedAsync(ct);

        await Operations.PatchAsync(TestObjects.ConfigMap("watched", state: "changed"), Namespace, ct);

        (await next).Should().BeTrue();
        changes.Current.Type.Should().Be(ResourceChangeType.Modified);
        changes.Current.Object["data"]!["state"]!.Value<string>().Should().Be("changed");
    }

    [SkippableFact]
    public async Task Delete_waits_until_the_object_is_gone()
    {
        await ArrangeAsync();
        var ct = TestObjects.Within(30);
        var query = new ResourceQuery("v1", "ConfigMap", Namespace, "held");
        await Operations.ApplyAsync(TestObjects.ConfigMap("held", finalizers: ["homelab.dev/test-hold"]), Namespace, ct);

        var deletion = Operations.DeleteAsync(query, ct);
        await WatchOpenedAsync(ct);
        var stillThere = await Source.GetAsync(query, ct);
        deletion.IsCompleted.Should().BeFalse("a finalizer still holds the object");

        await Operations.PatchAsync(query, JObject.Parse("""{"metadata":{"finalizers":null}}"""), ClusterPatchType.Merge, ct);

        (await deletion).Should().Be(1);
        stillThere.Should().NotBeNull();
        (await Source.GetAsync(query, ct)).Should().BeNull();
    }

    [SkippableFact]
    public async Task Deleting_what_does_not_exist_deletes_nothing()
    {
        await ArrangeAsync();

        var deleted = await Operations.DeleteAsync(new ResourceQuery("v1", "ConfigMap", Namespace, "never-created"), TestObjects.Within(30));

        deleted.Should().Be(0);
    }

    [SkippableFact]
    public async Task Wait_ends_when_the_object_reaches_the_state()
    {
        await ArrangeAsync();
        var ct = TestObjects.Within(30);
        await Operations.ApplyAsync(TestObjects.ConfigMap("waited", state: "starting"), Namespace, ct);

        var wait = Operations.WaitAsync(new ResourceQuery("v1", "ConfigMap", Namespace, "waited"), WaitCondition.ForJsonPath("{.data.state}", "ready"), TimeSpan.FromSeconds(20), ct);
        await WatchOpenedAsync(ct);
        wait.IsCompleted.Should().BeFalse();
        await Operations.PatchAsync(TestObjects.ConfigMap("waited", state: "ready"), Namespace, ct);

        await wait;
    }

    [SkippableFact]
    public async Task The_test_namespace_is_created_once_and_deleted_until_gone()
    {
        await ArrangeAsync();
        var ct = TestObjects.Within(120);
        var name = Namespace + "-extra";
        await Operations.CreateNamespaceAsync(name, ct);
        await Operations.CreateNamespaceAsync(name, ct);
        (await Source.GetAsync(new ResourceQuery("v1", "Namespace", Name: name), ct)).Should().NotBeNull();

        await Operations.DeleteNamespaceAsync(name, ct);

        (await Source.GetAsync(new ResourceQuery("v1", "Namespace", Name: name), ct)).Should().BeNull();
    }

    /// <summary>Connects, or skips the test with the reason there is no API server.</summary>
    private protected abstract Task<ClusterConnection> ConnectAsync();

    /// <summary>Returns once the client's watch is open (so a change cannot fall into the initial list).</summary>
    private protected abstract Task WatchOpenedAsync(CancellationToken cancellationToken);

    private protected virtual Task DisposeServerAsync() => Task.CompletedTask;

    private async Task ArrangeAsync()
    {
        _connection = await ConnectAsync();
        Source = new ClusterSource(_connection);
        Operations = new ClusterOperations(Source);
        await Operations.CreateNamespaceAsync(Namespace, TestObjects.Within(30));
        NamespaceCreated = true;
    }
}
