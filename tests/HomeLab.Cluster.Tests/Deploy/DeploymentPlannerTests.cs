using FluentAssertions;
using HomeLab.Cluster.Client;
using HomeLab.Cluster.Deploy;
using HomeLab.Manifests.Diff;
using HomeLab.Testing;
using Newtonsoft.Json.Linq;
using static HomeLab.Cluster.Tests.Deploy.DeployFixtures;

namespace HomeLab.Cluster.Tests.Deploy;

/// <summary>The plan against the loopback fake API server: creates, changes and prunes by wave, and nothing written.</summary>
public sealed class DeploymentPlannerTests : IAsyncLifetime
{
    private readonly FakeApiServer _server = FakeApiServer.Start();
    private readonly ClusterConnection _connection;

    public DeploymentPlannerTests()
    {
        _server.Serve("", "v1", "Secret", "secrets", namespaced: true);
        _server.Serve("argoproj.io", "v1alpha1", "Application", "applications", namespaced: true);
        _connection = _server.Connect();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_plan_lists_creates_changes_and_prunes_by_wave_with_a_total_line()
    {
        _server.Put(ConfigMap("settings", "old"));
        _server.Put(ConfigMap("unchanged", "same"));
        _server.Put(Secret("db", "b2xk"));
        _server.Put(ManagingApplication("home-assistant", ("ConfigMap", "home", "settings"), ("ConfigMap", "home", "retired")));
        DesiredApplication[] desired =
        [
            new("home-assistant", 5, [ConfigMap("settings", "new"), ConfigMap("unchanged", "same"), ConfigMap("added", "x")]),
            new("database", 2, [Secret("db", "bmV3")]),
        ];

        var plan = await new DeploymentPlanner(new ApiServerClient(_connection)).PlanAsync(desired, CancellationToken.None);

        plan.Changes.Select(c => (c.Wave, c.Application, c.Verb, c.Object)).Should().Equal(
            (2, "database", "change", "Secret home/db"),
            (5, "home-assistant", "create", "ConfigMap home/added"),
            (5, "home-assistant", "prune", "ConfigMap home/retired"),
            (5, "home-assistant", "change", "ConfigMap home/settings"));
        plan.Changes.Single(c => c.Name == "settings").Fields.Should().Equal(new FieldChange("data.value", ChangeKind.Changed, "\"old\"", "\"new\""));
        plan.Summary.Should().Be("1 to create, 2 to change, 1 to prune");
        var text = plan.ToText();
        text.Should().Contain("wave 2\n  database\n    ~ change Secret home/db\n        data.password: \"***\" → \"***\"\n");
        text.Should().NotContain("bmV3").And.NotContain("b2xk");
        text.Should().EndWith("Plan: 1 to create, 2 to change, 1 to prune\n");
        plan.ToMarkdown("abc123").Should().Contain("| 5 | home-assistant | prune | `ConfigMap home/retired` |  |");
    }

    [Fact]
    public async Task Planning_sends_no_write_request()
    {
        _server.Put(ConfigMap("settings", "old"));

        await new DeploymentPlanner(new ApiServerClient(_connection)).PlanAsync([new("home-assistant", 0, [ConfigMap("settings", "new"), ConfigMap("added", "x")])], CancellationToken.None);

        _server.Received.Where(r => r.Method is "POST" or "PUT" or "DELETE" || (r.Method == "PATCH" && r.Query.GetValueOrDefault("dryRun") != "All")).Should().BeEmpty();
        _server.Received.Should().Contain(r => r.Method == "PATCH", "the change is planned by a server-side dry-run apply");
        _server.Find("v1", "ConfigMap", "home", "settings")!["data"]!["value"]!.Value<string>().Should().Be("old");
        _server.Find("v1", "ConfigMap", "home", "added").Should().BeNull();
    }

    [Fact]
    public async Task A_cluster_already_at_the_revision_plans_nothing()
    {
        _server.Put(ConfigMap("settings", "same"));

        var plan = await new DeploymentPlanner(new ApiServerClient(_connection)).PlanAsync([new("home-assistant", 0, [ConfigMap("settings", "same")])], CancellationToken.None);

        plan.IsEmpty.Should().BeTrue();
        plan.ToText().Should().Be("no changes: the cluster already runs this revision\n");
    }

    [Fact]
    public void A_first_deployment_shows_the_ArgoCD_bootstrap_as_the_step_before_the_waves()
    {
        var plan = new DeploymentPlan([new PlannedChange("home-assistant", 3, "ConfigMap", "home", "settings", ChangeKind.Added, [])]) { Bootstrap = "install argo-cd 7.8.2 from https://argoproj.github.io/argo-helm as release argocd in namespace argocd" };

        plan.ToText().Should().Be(
            "bootstrap (no ArgoCD on the cluster)\n"
            + "  + install argo-cd 7.8.2 from https://argoproj.github.io/argo-helm as release argocd in namespace argocd\n"
            + "wave 3\n  home-assistant\n    + create ConfigMap home/settings\n"
            + "Plan: ArgoCD to bootstrap, 1 to create, 0 to change, 0 to prune\n");
        plan.ToMarkdown("abc123").Should().Contain("**ArgoCD to bootstrap, 1 to create, 0 to change, 0 to prune**").And.Contain("Bootstrap first (no ArgoCD on the cluster): install argo-cd 7.8.2");
        (plan with { Changes = [] }).IsEmpty.Should().BeFalse("a bootstrap alone is a change to the cluster");
    }

    private static JObject ManagingApplication(string name, params (string Kind, string Namespace, string Name)[] resources) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = new JObject { ["name"] = name, ["namespace"] = "argocd" },
        ["status"] = new JObject { ["resources"] = new JArray(resources.Select(r => new JObject { ["kind"] = r.Kind, ["namespace"] = r.Namespace, ["name"] = r.Name })) },
    };
}
