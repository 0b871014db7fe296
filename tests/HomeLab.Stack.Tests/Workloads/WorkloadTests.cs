using FluentAssertions;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Stack.Tests.Workloads;

/// <summary>What the rendered apps (the homelab-app chart with each app's values) must say in each environment.</summary>
[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public sealed class WorkloadTests(RenderedEnvironments fixture)
{
    private static readonly string[] Apps = ["mosquitto", "home-assistant", "zigbee2mqtt", "homebridge", "nzbget", "sonarr", "radarr", "frigate"];
    private static readonly string[] Uis = ["home-assistant", "zigbee2mqtt", "homebridge", "nzbget", "sonarr", "radarr", "frigate"];
    private static readonly string[] Media = ["nzbget", "sonarr", "radarr"];

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_app_is_a_workloads_Application_of_the_local_chart_with_its_values_file(string environment)
    {
        foreach (var app in Apps)
        {
            var application = fixture.Objects(environment).Single(o => o.Kind == "Application" && o.Name == app);
            application.Find("spec.project").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("workloads");
            var chart = (application.Find("spec.sources") as YamlList)!.Items.OfType<YamlMap>().Single(s => s.ContainsKey("path"));
            chart.GetString("path").Should().Be("manifests/charts/homelab-app");
            chart.GetString("targetRevision").Should().Be("main", "the local chart is versioned with the repository");
            (chart.Find("helm.valueFiles") as YamlList)!.Items.OfType<YamlScalar>().Select(v => v.Value)
                .Should().Contain($"$values/manifests/apps/{app}/values.yaml");
        }
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_app_renders_a_workload_with_pinned_images(string environment)
    {
        foreach (var app in Apps)
        {
            var workload = Workload(environment, app);
            foreach (var image in Containers(workload).Select(c => c.GetString("image")!))
            {
                image.Should().MatchRegex(@":[^:/]+$", $"{app}'s image {image} names a tag").And.NotEndWith(":latest");
            }
        }
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_namespace_with_workloads_is_injected_and_has_a_NetworkPolicy(string environment)
    {
        var objects = fixture.Objects(environment);
        var namespaces = objects.Where(IsWorkload).Select(o => o.Namespace).Distinct().ToList();

        namespaces.Should().Contain(["home", "media", "security"]);
        foreach (var ns in namespaces)
        {
            var namespaceObject = objects.SingleOrDefault(o => o.Kind == "Namespace" && o.Name == ns);
            namespaceObject.Should().NotBeNull($"namespace {ns} has workloads, so it is declared");
            namespaceObject!.Labels.Should().Contain("istio-injection", "enabled", $"namespace {ns} is in the mesh");
            objects.Should().Contain(o => o.Kind == "NetworkPolicy" && o.Namespace == ns, $"namespace {ns} limits who reaches its pods");
        }
    }

    [Theory]
    [InlineData("k3d", "homelab.localhost")]
    [InlineData("k3s", "homelab.example.net")]
    public async Task Every_UI_has_a_VirtualService_on_the_TLS_gateway(string environment, string domain)
    {
        var rendered = fixture.Rendered(environment);
        foreach (var app in Uis)
        {
            await rendered.Assert($$"""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: {{app}}
                spec:
                  hosts: [{{app}}.{{domain}}]
                  gateways: [istio-ingress/homelab-gateway]
                """);
        }

        // The gateway the routes bind terminates TLS for their hosts.
        await rendered.Assert("""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: homelab-gateway
              namespace: istio-ingress
            spec:
              (length(servers[?port.protocol == 'HTTPS' && tls.credentialName != null]) > `0`): true
            """);
    }

    [Fact]
    public void Frigate_on_k3s_requests_a_GPU_with_the_nvidia_runtime_on_the_nvidia_node()
    {
        var pod = PodSpec(Workload("k3s", "frigate"));

        pod.GetString("runtimeClassName").Should().Be("nvidia");
        ContainerNamed(pod, "frigate").Find("resources.limits")!.As<YamlMap>().GetString("nvidia.com/gpu").Should().Be("1");
        RequiredLabels(pod).Should().Contain("hardware/nvidia");
    }

    [Fact]
    public void Frigate_on_k3d_runs_on_the_CPU()
    {
        var pod = PodSpec(Workload("k3d", "frigate"));

        pod.ContainsKey("runtimeClassName").Should().BeFalse();
        Containers(Workload("k3d", "frigate")).Select(c => Text(c, "resources.limits.nvidia.com/gpu") ?? (c.Find("resources.limits") as YamlMap)?.GetString("nvidia.com/gpu")).Should().OnlyContain(gpu => gpu == null);
        RequiredLabels(pod).Should().BeEmpty();
    }

    [Theory]
    [InlineData("k3d", "ReadWriteOnce")]
    [InlineData("k3s", "ReadWriteMany")]
    public void The_media_apps_mount_the_same_downloads_claim_on_the_nas_class(string environment, string accessMode)
    {
        foreach (var app in Media)
        {
            var volumes = PodSpec(Workload(environment, app)).GetList("volumes")!.Items.OfType<YamlMap>();
            volumes.Select(v => Text(v, "persistentVolumeClaim.claimName")).Should().Contain("downloads", $"{app} mounts the shared downloads claim");
        }

        var claim = fixture.Objects(environment).Single(o => o.Kind == "PersistentVolumeClaim" && o.Namespace == "media" && o.Name == "downloads");
        claim.Find("spec.storageClassName").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("nas");
        (claim.Find("spec.accessModes") as YamlList)!.Items.OfType<YamlScalar>().Select(m => m.Value).Should().Equal(accessMode);
    }

    [Fact]
    public void The_media_apps_each_have_a_ServiceMonitor_selecting_their_exporter()
    {
        foreach (var app in Media)
        {
            var monitor = fixture.Objects("k3d").Single(o => o.Kind == "ServiceMonitor" && o.Namespace == "media" && o.Name == app);
            (monitor.Find("spec.endpoints") as YamlList)!.Items.OfType<YamlMap>().Select(e => e.GetString("port")).Should().Contain("metrics");
            Containers(Workload("k3d", app)).Should().Contain(c => c.GetList("ports") != null && c.GetList("ports")!.Items.OfType<YamlMap>().Any(p => p.GetString("name") == "metrics"),
                $"{app} runs an exporter with a metrics port");
        }
    }

    [Fact]
    public void Zigbee2MQTT_prefers_the_simulated_hardware_on_k3d_and_requires_the_stick_on_k3s()
    {
        var k3d = PodSpec(Workload("k3d", "zigbee2mqtt"));
        RequiredLabels(k3d).Should().BeEmpty();
        (k3d.Find("affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution") as YamlList)!.Items.OfType<YamlMap>()
            .SelectMany(p => (p.Find("preference.matchExpressions") as YamlList)!.Items.OfType<YamlMap>()).Select(e => e.GetString("key"))
            .Should().Contain("hardware/zigbee");
        k3d.GetList("volumes")!.Items.OfType<YamlMap>().Should().NotContain(v => v.ContainsKey("hostPath"), "k3d has no USB stick");

        var k3s = PodSpec(Workload("k3s", "zigbee2mqtt"));
        RequiredLabels(k3s).Should().Contain(["hardware/zigbee", "hardware/usb"]);
        k3s.GetList("volumes")!.Items.OfType<YamlMap>().Select(v => Text(v, "hostPath.path")).Should().Contain("/dev/ttyUSB0");
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Every_app_container_runs_with_a_restrictive_security_context_or_a_stated_reason(string environment)
    {
        foreach (var app in Apps)
        {
            var workload = Workload(environment, app);
            var silenced = workload.Annotations.GetValueOrDefault("lint.homelab.dev/ignore") ?? string.Empty;
            foreach (var container in Containers(workload))
            {
                var security = container.GetMap("securityContext")!;
                (security.Find("capabilities.drop") as YamlList)!.Items.OfType<YamlScalar>().Select(s => s.Value).Should().Contain("ALL");
                if (!silenced.Contains("homelab/no-privilege-escalation", StringComparison.Ordinal))
                {
                    security.Find("allowPrivilegeEscalation").Should().BeOfType<YamlScalar>().Which.AsBool().Should().BeFalse($"{app}/{container.GetString("name")}");
                }

                if (!silenced.Contains("homelab/read-only-root", StringComparison.Ordinal))
                {
                    security.Find("readOnlyRootFilesystem").Should().BeOfType<YamlScalar>().Which.AsBool().Should().BeTrue($"{app}/{container.GetString("name")}");
                }
            }
        }
    }

    private static string? Text(YamlMap map, string path) => (map.Find(path) as YamlScalar)?.Value;

    private static bool IsWorkload(KubeObject o) => o.Kind is "Deployment" or "StatefulSet" or "DaemonSet" or "Job" or "CronJob" or "Pod";

    private KubeObject Workload(string environment, string app) =>
        fixture.Objects(environment).SingleOrDefault(o => o.Kind is "Deployment" or "StatefulSet" && o.Name == app)
        ?? throw new InvalidOperationException($"no Deployment or StatefulSet {app} rendered for {environment}");

    private static YamlMap PodSpec(KubeObject workload) => (YamlMap)workload.Find("spec.template.spec")!;

    private static IEnumerable<YamlMap> Containers(KubeObject workload) => PodSpec(workload).GetList("containers")!.Items.OfType<YamlMap>();

    private static YamlMap ContainerNamed(YamlMap pod, string name) => pod.GetList("containers")!.Items.OfType<YamlMap>().Single(c => c.GetString("name") == name);

    private static List<string?> RequiredLabels(YamlMap pod) =>
        (pod.Find("affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms") as YamlList)?.Items.OfType<YamlMap>()
            .SelectMany(t => (t.GetList("matchExpressions"))!.Items.OfType<YamlMap>()).Select(e => e.GetString("key")).ToList() ?? [];
}
