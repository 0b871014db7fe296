using HomeLab.Manifests.Schemas;
using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

public sealed class SchemaCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "homelab-schemas-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Downloader_saves_every_group_version_of_the_openapi_v3_index()
    {
        var apps = await File.ReadAllTextAsync(ValidationFixtures.PathOf("schema-cache/1.32/apis_apps_v1.json"));
        await using var server = new FakeOpenApiServer(new() { ["apis/apps/v1"] = apps, ["api/v1"] = "{\"components\":{\"schemas\":{}}}" });
        using var http = new HttpClient();

        var files = await new OpenApiSchemaDownloader(http).DownloadAsync(server.BaseAddress, _directory);

        files.Select(Path.GetFileName).Should().BeEquivalentTo("apis_apps_v1.json", "api_v1.json");
        server.Requests.Should().Contain("/openapi/v3").And.Contain("/openapi/v3/apis/apps/v1?hash=FAKE12");
        var cache = new OpenApiSchemaCache(_directory);
        cache.HasGroupVersion("apps", "v1").Should().BeTrue();
        var deployment = cache.Find(new GroupVersionKind("apps", "v1", "Deployment"));
        deployment!.Properties["spec"].Properties.Keys.Should().BeEquivalentTo("minReadySeconds", "selector", "strategy", "template");
        deployment.Properties["spec"].Required.Should().Equal("selector", "template");
    }

    [Fact]
    public async Task Downloader_filters_group_versions_and_reports_server_errors()
    {
        await using var server = new FakeOpenApiServer(new() { ["apis/apps/v1"] = "{}" });
        using var http = new HttpClient();
        var downloader = new OpenApiSchemaDownloader(http);

        var none = await downloader.DownloadAsync(server.BaseAddress, _directory, p => p.StartsWith("api/", StringComparison.Ordinal));
        var missing = () => downloader.DownloadAsync(new Uri(server.BaseAddress, "nowhere/"), _directory);

        none.Should().BeEmpty();
        await missing.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public void Cache_reads_int_or_string_enums_and_label_roles_from_openapi()
    {
        var cache = new OpenApiSchemaCache(ValidationFixtures.PathOf("schema-cache/1.32"));

        var deployment = cache.Find(new GroupVersionKind("apps", "v1", "Deployment"))!;

        var strategy = deployment.Properties["spec"].Properties["strategy"];
        strategy.Properties["type"].Enum.Should().Equal("Recreate", "RollingUpdate");
        strategy.Properties["rollingUpdate"].Properties["maxSurge"].Type.Should().Be(SchemaType.IntOrString);
        deployment.Properties["metadata"].Properties["labels"].Role.Should().Be(SchemaRole.Labels);
        cache.Find(new GroupVersionKind("apps", "v1", "StatefulSet")).Should().BeNull();
        cache.Find(new GroupVersionKind("batch", "v1", "Job")).Should().BeNull();
    }

    [Fact]
    public void Unreadable_cache_document_is_a_finding_not_a_crash()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "1.32"));
        File.WriteAllText(Path.Combine(_directory, "1.32", "apis_apps_v1.json"), "{ not json");
        var objects = ValidationFixtures.Load("valid-deployment.yaml");

        var result = new ManifestValidator(new() { SchemaCacheDirectory = _directory }).Validate(objects);

        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(ValidationRuleIds.SchemaCacheUnreadable);
        finding.Message.Should().Contain("apis_apps_v1.json").And.Contain("not an OpenAPI v3 document");
        result.ValidatedCount.Should().Be(4, "the models still validate the Deployment");
    }

    [Fact]
    public void Model_schemas_know_required_fields_and_special_types()
    {
        var deployment = KubernetesModelSchemas.Shared.Find(new GroupVersionKind("apps", "v1", "Deployment"))!;

        var podSpec = deployment.Properties["spec"].Properties["template"].Properties["spec"];
        var container = podSpec.Properties["containers"].Items!;
        podSpec.Required.Should().Contain("containers");
        container.Required.Should().Contain("name");
        container.Properties["ports"].Items!.Required.Should().Contain("containerPort");
        container.Properties["readinessProbe"].Properties["httpGet"].Properties["port"].Type.Should().Be(SchemaType.IntOrString);
        container.Properties["resources"].Properties["limits"].AdditionalProperties!.Type.Should().Be(SchemaType.Quantity);
        deployment.Properties["metadata"].Properties["labels"].Role.Should().Be(SchemaRole.Labels);
        deployment.Source.Should().Be("KubernetesClient model V1Deployment");
    }
}
