using HomeLab.Manifests.Yaml;
using HomeLab.Stack.Tests.Observability;
using HomeLab.Stack.Tests.Platform;

namespace HomeLab.Stack.Tests.Backup;

[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public class BackupTests(RenderedEnvironments fixture)
{
    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void The_object_storage_declares_the_buckets_the_homelab_needs(string environment)
    {
        var buckets = fixture.Objects(environment).Single(o => o.Kind == "ConfigMap" && o.Name == "object-storage-buckets" && o.Namespace == "backup");

        var names = (buckets.Find("data.buckets") as YamlScalar)!.Value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        names.Should().BeEquivalentTo("velero", "tempo-traces", "loki-chunks");
        var job = fixture.Objects(environment).Single(o => o.Kind == "Job" && o.Namespace == "backup");
        job.Annotations.Should().Contain("argocd.argoproj.io/hook", "PostSync", "buckets are made once the server is healthy, after every sync");
    }

    [Fact]
    public void The_object_storage_keeps_its_data_on_the_nas_on_k3s()
    {
        StorageClassOf("k3d").Should().Be("standard");
        StorageClassOf("k3s").Should().Be("nas");
    }

    [Fact]
    public void The_object_storage_credentials_are_sealed_for_k3d()
    {
        var deployment = fixture.Objects("k3d").Single(o => o.Kind == "Deployment" && o.Name == "object-storage");
        var secretName = (deployment.Find("spec.template.spec.volumes") as YamlList)!.Items.OfType<YamlMap>()
            .Select(v => v.GetMap("secret")?.GetString("secretName")).Single(n => n is not null);

        fixture.Objects("k3d").Should().Contain(o => o.Kind == "SealedSecret" && o.Name == secretName && o.Namespace == "backup");
        fixture.Objects("k3d").Should().NotContain(o => o.Kind == "Secret" && o.Group == string.Empty, "no plain Secret is committed");
    }

    [Theory]
    [InlineData("k3d", "168h0m0s")]
    [InlineData("k3s", "720h0m0s")]
    public void Velero_backs_up_the_app_namespaces_on_a_schedule_with_retention(string environment, string appRetention)
    {
        var values = Values(environment);
        var schedules = values.GetMap("schedules")!;

        schedules.Entries.Should().NotBeEmpty();
        foreach (var entry in schedules.Entries)
        {
            var schedule = (YamlMap)entry.Value;
            schedule.GetString("schedule").Should().MatchRegex(@"^\S+ \S+ \S+ \S+ \S+$", $"{entry.Key} is a cron schedule");
            schedule.GetMap("template")!.GetString("ttl").Should().NotBeNullOrEmpty($"{entry.Key} sets its retention");
            Applications.Strings(schedule.GetMap("template")!["includedNamespaces"]).Should().NotBeEmpty();
        }

        var apps = schedules.GetMap("apps-daily")!.GetMap("template")!;
        Applications.Strings(apps["includedNamespaces"]).Should().Contain(["home", "media", "security"]);
        apps.GetString("ttl").Should().Be(appRetention);
    }

    [Theory]
    [InlineData("k3d")]
    [InlineData("k3s")]
    public void Velero_writes_to_the_velero_bucket_of_the_in_cluster_object_storage(string environment)
    {
        var location = Values(environment).GetMap("configuration")!.GetList("backupStorageLocation")!.Items.OfType<YamlMap>().Single();

        location.GetString("bucket").Should().Be("velero");
        var url = new Uri(location.GetMap("config")!.GetString("s3Url")!);
        var service = fixture.Objects(environment).Single(o => o.Kind == "Service" && o.Name == "object-storage");
        url.Host.Should().Be($"{service.Name}.{service.Namespace}.svc.cluster.local");
        (service.Find("spec.ports") as YamlList)!.Items.OfType<YamlMap>().Select(p => p.GetString("port")).Should().Contain(url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Velero_credentials_are_a_sealed_secret_on_k3d()
    {
        var secret = Values("k3d").GetMap("credentials")!.GetString("existingSecret");

        fixture.Objects("k3d").Should().Contain(o => o.Kind == "SealedSecret" && o.Name == secret && o.Namespace == "velero");
        Applications.Named(fixture, "k3d", "velero").Root.Find("spec.destination.namespace").Should().BeOfType<YamlScalar>().Which.Value.Should().Be("velero");
    }

    private string? StorageClassOf(string environment) =>
        (fixture.Objects(environment).Single(o => o.Kind == "PersistentVolumeClaim" && o.Name == "object-storage-data").Find("spec.storageClassName") as YamlScalar)?.Value;

    private YamlMap Values(string environment)
    {
        var files = Applications.ValueFiles(Applications.Named(fixture, environment, "velero"));
        return ValuesFiles.Load([.. files.Select(f => System.IO.Path.Combine(fixture.Root, f))]);
    }
}
