using FluentAssertions;
using HomeLab.Cluster.Client;
using HomeLab.Cluster.Nodes;
using HomeLab.Manifests.Environments;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Tests.Nodes;

/// <summary>Waiting for Ready nodes by a watch, and the label check, against the loopback fake API server.</summary>
public sealed class NodeReadinessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly FakeApiServer _server = FakeApiServer.Start();
    private readonly FakeTimeProvider _time = new();
    private readonly ClusterConnection _connection;

    public NodeReadinessTests()
    {
        _server.Serve(string.Empty, "v1", "Node", "nodes", namespaced: false);
        _connection = _server.Connect();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_wait_ends_when_the_last_node_turns_ready_on_the_watch()
    {
        _server.Put(Node("k3d-homelab-server-0", ready: true));
        _server.Put(Node("k3d-homelab-agent-0", ready: false));
        var changes = new List<string>();

        var waiting = new NodeReadiness(_connection.Kubernetes, _time) { OnChange = (name, ready) => changes.Add($"{name}={ready}") }
            .WaitReadyAsync(3, TimeSpan.FromMinutes(5), CancellationToken.None);
        await _server.WaitForWatchersAsync(1);
        _server.Put(Node("k3d-homelab-agent-1", ready: true));
        _server.Put(Node("k3d-homelab-agent-0", ready: true));
        var nodes = await waiting.WaitAsync(Patience);

        nodes.Select(n => n.Metadata.Name).Should().Equal("k3d-homelab-agent-0", "k3d-homelab-agent-1", "k3d-homelab-server-0");
        changes.Should().ContainInOrder("k3d-homelab-agent-0=False", "k3d-homelab-agent-1=True", "k3d-homelab-agent-0=True");
        _server.RequestsTo("GET", "/api/v1/nodes").Should().Contain(r => r.Query.GetValueOrDefault("watch") == "true");
    }

    [Fact]
    public async Task A_node_that_never_turns_ready_times_out_naming_it()
    {
        _server.Put(Node("k3d-homelab-server-0", ready: true));
        _server.Put(Node("k3d-homelab-agent-0", ready: false));

        var waiting = new NodeReadiness(_connection.Kubernetes, _time).WaitReadyAsync(2, TimeSpan.FromMinutes(5), CancellationToken.None);
        await _server.WaitForWatchersAsync(1);
        _time.Advance(TimeSpan.FromMinutes(5));
        var act = () => waiting.WaitAsync(Patience);

        (await act.Should().ThrowAsync<TimeoutException>()).Which.Message
            .Should().Be("the nodes were not Ready within 300 s: 2 of 2 exist, not Ready: k3d-homelab-agent-0; hint: `kubectl describe nodes` shows why");
    }

    [Fact]
    public async Task A_declared_label_a_node_lacks_is_named_with_node_and_label()
    {
        _server.Put(Node("k3d-homelab-agent-0", ready: true, ("hardware/usb", "true")));
        _server.Put(Node("k3d-homelab-agent-1", ready: true, ("hardware/nvidia", "false")));
        var nodes = await new NodeReadiness(_connection.Kubernetes, _time).WaitReadyAsync(2, TimeSpan.FromMinutes(1), CancellationToken.None).WaitAsync(Patience);

        var problems = NodeReadiness.CheckLabels(
            nodes,
            [
                Declared("k3d-homelab-agent-0", ("hardware/usb", "true"), ("hardware/zigbee", "true")),
                Declared("k3d-homelab-agent-1", ("hardware/nvidia", "true")),
                Declared("k3d-homelab-agent-2"),
            ],
            "clusters/k3d/environment.yaml");

        problems.Should().HaveCount(3);
        problems[0].Should().StartWith("clusters/k3d/environment.yaml: node k3d-homelab-agent-0 lacks label hardware/zigbee=true");
        problems[1].Should().Be("clusters/k3d/environment.yaml: node k3d-homelab-agent-1 has label hardware/nvidia=false, declared true");
        problems[2].Should().StartWith("clusters/k3d/environment.yaml: node k3d-homelab-agent-2 is declared but the cluster has no such node");
    }

    private static ClusterNode Declared(string name, params (string Key, string Value)[] labels) =>
        new(name, ["agent"], labels.ToDictionary(l => l.Key, l => l.Value), new Dictionary<string, string>());

    private static JObject Node(string name, bool ready, params (string Key, string Value)[] labels) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JObject { ["name"] = name, ["labels"] = new JObject(labels.Select(l => new JProperty(l.Key, l.Value))) },
        ["status"] = new JObject
        {
            ["conditions"] = new JArray(new JObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
        },
    };
}
