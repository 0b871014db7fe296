using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Lint;
using HomeLab.Manifests.Rendering;
using HomeLab.Testing.Upstream;

namespace HomeLab.Stack.Tests;

/// <summary>
/// Every environment rendered completely: this repository's own sources from the checkout, and each remote chart from
/// the real upstream chart's recorded output (<see cref="UpstreamCorpus"/>), as ArgoCD would deploy them. Tests that
/// use it skip with the reason where the corpus is absent. Use it as a collection fixture:
/// <c>[Collection(UpstreamEnvironments.Collection)]</c>.
/// </summary>
public sealed class UpstreamEnvironments : IAsyncLifetime
{
    /// <summary>The xunit collection name.</summary>
    public const string Collection = "environments with the real charts";

    private readonly Dictionary<string, RenderedSet> sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Finding>> lint = new(StringComparer.Ordinal);

    /// <summary>The environments found under clusters/.</summary>
    public EnvironmentCatalog Catalog { get; private set; } = new([], []);

    /// <summary>The rendered set of one environment, remote charts included.</summary>
    public RenderedSet this[string environment]
    {
        get
        {
            var missing = UpstreamCorpus.MissingReason;
            Skip.If(missing is not null, missing);
            return sets[environment];
        }
    }

    /// <summary>What <c>Lint</c> reports for one environment, with the repository's <c>.homelab/lint.yaml</c> and budgets.</summary>
    public IReadOnlyList<Finding> Lint(string environment)
    {
        _ = this[environment];
        return lint[environment];
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (UpstreamCorpus.MissingReason is not null)
        {
            return;
        }

        var root = UpstreamCorpus.RepositoryRoot;
        Catalog = EnvironmentCatalog.Discover(root);
        var configurationFile = Path.Combine(root, LintConfiguration.DefaultPath);
        var configuration = File.Exists(configurationFile) ? LintConfiguration.Load(configurationFile) : LintConfiguration.Default;
        var renderer = new EnvironmentRenderer();
        foreach (var environment in Catalog.Environments)
        {
            var options = new RenderOptions(root)
            {
                AllowNetwork = false,
                WriteOutput = false,
                PrerenderedCharts = UpstreamCorpus.Rendered(environment.Name),
            };
            var set = await renderer.RenderAsync(environment, options);
            sets[environment.Name] = set;
            var (lintEnvironment, budgetFindings) = LintEnvironment.Describe(environment);
            lint[environment.Name] = [.. budgetFindings, .. new Linter(configuration: configuration, environment: lintEnvironment).Lint(set.Objects)];
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Shares one complete rendering of the environments between the test classes that need the real charts.</summary>
[CollectionDefinition(UpstreamEnvironments.Collection)]
public sealed class UpstreamEnvironmentsCollection : ICollectionFixture<UpstreamEnvironments>
{
}
