using HomeLab.Assertions.Cluster;
using HomeLab.Assertions.Operations;
using HomeLab.Assertions.Sources;
using HomeLab.Cluster.Client;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Tests.Cluster;

/// <summary>What <see cref="ClusterOperations"/> sends and how it waits, against the loopback <see cref="FakeApiServer"/>.</summary>
public sealed class ClusterOperationsTests : IAsyncLifetime
{
    private readonly FakeApiServer _server = FakeApiServer.Start();
    private readonly FakeTimeProvider _time = new();
    private readonly ClusterConnection _connection;
    private readonly ClusterSource _source;
    private readonly ClusterOperations _operations;

    public ClusterOperationsTests()
    {
        _connection = _server.Connect();
        _source = new ClusterSource(_connection);
        _operations = new ClusterOperations(_source, _time);
        _server.Serve("homelab.dev", "v1alpha1", "Widget", "widgets", namespaced: true);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Apply_is_a_forced_server_side_apply_by_the_homelab_field_manager()
    {
        await _operations.ApplyAsync(TestObjects.ConfigMap("web"), "lab", TestObjects.Within(10));

        var patch = _server.RequestsTo("PATCH", "/api/v1/namespaces/lab/configmaps/web").Single();
        patch.ContentType.Should().Be("application/apply-patch+yaml");
        patch.Query.Should().Contain("fieldManager", "homelab").And.Contain("force", "true");
        JObject.Parse(patch.Body)["metadata"]!["namespace"]!.Value<string>().Should().Be("lab", "an object that names no namespace goes to the test's");
    }

    [Fact]
    public async Task Apply_keeps_the_namespace_an_object_names()
    {
        await _operations.ApplyAsync(TestObjects.ConfigMap("web", "elsewhere"), "lab", TestObjects.Within(10));

        _server.Find("v1", "ConfigMap", "elsewhere", "web").Should().NotBeNull();
        _server.Find("v1", "ConfigMap", "lab", "web").Should().BeNull();
    }

    [Fact]
    public async Task Create_refuses_an_object_that_exists_with_the_servers_reason()
    {
        await _operations.CreateAsync(TestObjects.ConfigMap("web"), "lab", TestObjects.Within(10));

        var act = () => _operations.CreateAsync(TestObjects.ConfigMap("web"), "lab", TestObjects.Within(10));

        var error = (await act.Should().ThrowAsync<ClusterApiException>()).Which;
        error.StatusCode.Should().Be(409);
        error.Reason.Should().Be("AlreadyExists");
        error.Message.Should().Contain("POST /api/v1/namespaces/lab/configmaps");
    }

    [Theory]
    [InlineData(ClusterPatchType.Merge, "application/merge-patch+json")]
    [InlineData(ClusterPatchType.StrategicMerge, "application/strategic-merge-patch+json")]
    [InlineData(ClusterPatchType.Json, "application/json-patch+json")]
    public async Task Patch_sends_the_content_type_of_its_kind(ClusterPatchType type, string contentType)
    {
        _server.Put(TestObjects.ConfigMap("web", "lab"));
        JToken patch = type == ClusterPatchType.Json
            ? JArray.Parse("""[{"op":"replace","path":"/data/state","value":"x"}]""")
            : JObject.Parse("""{"data":{"state":"x"}}""");

        await _operations.PatchAsync(new ResourceQuery("v1", "ConfigMap", "lab", "web"), patch, type, TestObjects.Within(10));

        _server.RequestsTo("PATCH", "/api/v1/namespaces/lab/configmaps/web").Single().ContentType.Should().Be(contentType);
    }

    [Fact]
    public async Task Patch_of_a_missing_object_fails()
    {
        var act = () => _operations.PatchAsync(TestObjects.ConfigMap("nowhere"), "lab", TestObjects.Within(10));

        (await act.Should().ThrowAsync<ClusterApiException>()).Which.StatusCode.Should().Be(404);
    }

    [Fact]
    public async Task Update_replaces_the_current_version_when_the_object_names_none()
    {
        _server.Put(TestObjects.ConfigMap("web", "lab"));

        var result = await _operations.UpdateAsync(TestObjects.ConfigMap("web", "lab", state: "replaced"), null, TestObjects.Within(10));

        result.Object["data"]!["state"]!.Value<string>().Should().Be("replaced");
        JObject.Parse(_server.RequestsTo("PUT", "/api/v1/namespaces/lab/configmaps/web").Single().Body)["metadata"]!["resourceVersion"]!
            .Value<string>().Should().Be("101");
    }

    [Fact]
    public async Task Delete_by_label_deletes_every_match_and_waits_for_all()
    {
        _server.Put(TestObjects.ConfigMap("a", "lab", app: "web"));
        _server.Put(TestObjects.ConfigMap("b", "lab", app: "web"));
        _server.Put(TestObjects.ConfigMap("c", "lab", app: "db"));
        _server.DeferDeletion = true;
        var ct = TestObjects.Within(20);

        var deletion = _operations.DeleteAsync(new ResourceQuery("v1", "ConfigMap", "lab", LabelSelector: "app=web"), ct);
        await _server.WaitForWatchersAsync(1, ct);
        deletion.IsCompleted.Should().BeFalse();
        _server.FinishDeletions();

        (await deletion).Should().Be(2);
        _server.Find("v1", "ConfigMap", "lab", "c").Should().NotBeNull();
    }

    [Fact]
    public async Task A_namespace_still_terminating_is_waited_for_and_created_again()
    {
        var ct = TestObjects.Within(20);
        await _operations.CreateNamespaceAsync("lab", ct);
        _server.DeferDeletion = true;
        var deletion = _operations.DeleteNamespaceAsync("lab", ct);
        await _server.WaitForWatchersAsync(1, ct);

        var creation = _operations.CreateNamespaceAsync("lab", ct);
        await _server.WaitForWatchersAsync(2, ct);
        creation.IsCompleted.Should().BeFalse("the namespace is terminating");
        _server.FinishDeletions();
        await deletion;
        await creation;

        _server.Find("v1", "Namespace", null, "lab")!["metadata"]!["deletionTimestamp"].Should().BeNull();
    }

    [Fact]
    public async Task Wait_for_a_condition_ends_when_the_condition_holds()
    {
        _server.Put(TestObjects.Widget("w", "lab", "False"));
        var ct = TestObjects.Within(20);

        var wait = _operations.WaitAsync(new ResourceQuery("homelab.dev/v1alpha1", "Widget", "lab", "w"), WaitCondition.ForCondition("Ready"), TimeSpan.FromMinutes(1), ct);
        await _server.WaitForWatchersAsync(1, ct);
        wait.IsCompleted.Should().BeFalse();
        _server.Put(TestObjects.Widget("w", "lab", "True"));

        await wait;
    }

    [Fact]
    public async Task Wait_times_out_on_the_injected_clock_saying_what_it_last_saw()
    {
        _server.Put(TestObjects.Widget("w", "lab", "False"));
        var ct = TestObjects.Within(20);

        var wait = _operations.WaitAsync(new ResourceQuery("homelab.dev/v1alpha1", "Widget", "lab", "w"), WaitCondition.ForCondition("Ready"), TimeSpan.FromMinutes(5), ct);
        await _server.WaitForWatchersAsync(1, ct);
        _time.Advance(TimeSpan.FromMinutes(5));

        var error = (await wait.Invoking(w => w).Should().ThrowAsync<TimeoutException>()).Which;
        error.Message.Should().Contain("timed out after 300 s")
            .And.Contain("condition Ready=True")
            .And.Contain("lab/w: Ready=False (Probe: probe says False)");
    }

    [Fact]
    public async Task Wait_on_a_JSONPath_filter_reads_the_matching_element()
    {
        _server.Put(TestObjects.Widget("w", "lab", "True"));

        await _operations.WaitAsync(
            new ResourceQuery("homelab.dev/v1alpha1", "Widget", "lab", "w"),
            WaitCondition.ForJsonPath("""{.status.conditions[?(@.type=="Ready")].status}""", "True"),
            TimeSpan.FromSeconds(10),
            TestObjects.Within(10));
    }

    [Fact]
    public async Task Pod_logs_are_collected_per_container_with_the_tail_asked_for()
    {
        _server.Put(JObject.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"lab","labels":{"app":"web"}},"spec":{"containers":[{"name":"app"},{"name":"sidecar"}]}}"""));
        _server.SetLogs("lab", "web-1", "app", "one\ntwo\nthree\n");

        var logs = await _operations.CollectPodLogsAsync(new ResourceQuery("v1", "Pod", "lab", LabelSelector: "app=web"), null, 2, TestObjects.Within(10));

        logs.Should().Be("""
            === pod lab/web-1 container app ===
            two
            three
            === pod lab/web-1 container sidecar ===
            (no logs: container "sidecar" in pod "web-1" is waiting to start)

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Events_are_collected_oldest_first_for_one_object()
    {
        _server.Put(Event("late", "web", "2026-01-01T00:05:00Z", "Pulled", "pulled image"));
        _server.Put(Event("early", "web", "2026-01-01T00:01:00Z", "Scheduled", "assigned to node-1"));
        _server.Put(Event("other", "db", "2026-01-01T00:00:00Z", "Scheduled", "not about web"));

        var events = await _operations.CollectEventsAsync("lab", "web", TestObjects.Within(10));

        events.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "TIME                  TYPE    REASON     OBJECT   COUNT  MESSAGE",
            "2026-01-01T00:01:00Z  Normal  Scheduled  Pod/web  1      assigned to node-1",
            "2026-01-01T00:05:00Z  Normal  Pulled     Pod/web  1      pulled image");
    }

    [Fact]
    public async Task Get_collects_YAML_without_managed_fields()
    {
        var stored = TestObjects.ConfigMap("web", "lab", state: "true");
        stored["metadata"]!["managedFields"] = new JArray(new JObject { ["manager"] = "homelab" });
        _server.Put(stored);

        var yaml = await _operations.CollectGetAsync(new ResourceQuery("v1", "ConfigMap", "lab", "web"), "yaml", TestObjects.Within(10));

        yaml.Should().Contain("name: web").And.Contain("state: \"true\"").And.NotContain("managedFields");
    }

    [Fact]
    public async Task Describe_shows_status_conditions_and_the_objects_events()
    {
        var widget = _server.Put(TestObjects.Widget("w", "lab", "False"));
        var warning = Event("probe", "w", "2026-01-01T00:02:00Z", "ProbeFailed", "connection refused");
        warning["type"] = "Warning";
        warning["involvedObject"]!["uid"] = widget["metadata"]!["uid"];
        _server.Put(warning);

        var text = await _operations.CollectDescribeAsync(new ResourceQuery("homelab.dev/v1alpha1", "Widget", "lab", "w"), TestObjects.Within(10));

        text.Should().Contain("Name:       w")
            .And.Contain("Status:     phase=Running")
            .And.Contain("Ready  False   Probe   probe says False")
            .And.Contain("Warning  ProbeFailed");
    }

    private static JObject Event(string name, string about, string time, string reason, string message) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Event",
        ["metadata"] = new JObject { ["name"] = name, ["namespace"] = "lab" },
        ["involvedObject"] = new JObject { ["kind"] = "Pod", ["name"] = about, ["namespace"] = "lab" },
        ["type"] = "Normal",
        ["reason"] = reason,
        ["message"] = message,
        ["lastTimestamp"] = time,
    };
}
