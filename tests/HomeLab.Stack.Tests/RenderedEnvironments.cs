using HomeLab.Assertions;
using HomeLab.Assertions.Sources;
using HomeLab.Manifests.Environments;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Rendering;
using HomeLab.Tools;

namespace HomeLab.Stack.Tests;

/// <summary>
/// Renders every environment of this repository once per test run (offline: remote charts that are not in the
/// chart cache are counted, not rendered) and gives each as a source for Chainsaw-style assertions.
/// Use it as a collection fixture: <c>[Collection(RenderedEnvironments.Collection)]</c>.
/// </summary>
public sealed class RenderedEnvironments : IAsyncLifetime
{
    /// <summary>The xunit collection name.</summary>
    public const string Collection = "rendered environments";

    private readonly Dictionary<string, RenderedSet> sets = new(StringComparer.Ordinal);

    private bool rendered;

    /// <summary>Renders every environment of the repository this test run is in (xunit creates it).</summary>
    public RenderedEnvironments()
        : this(RepositoryRoot.Find() ?? throw new InvalidOperationException("Run the stack tests from inside the repository."))
    {
    }

    private RenderedEnvironments(string root) => Root = root;

    /// <summary>The repository root.</summary>
    public string Root { get; }

    /// <summary>The environments found under clusters/.</summary>
    public EnvironmentCatalog Catalog { get; private set; } = new([], []);

    /// <summary>The rendered set of one environment.</summary>
    public RenderedSet this[string environment] => sets.TryGetValue(environment, out var set)
        ? set
        : throw new ArgumentException($"No environment '{environment}' under clusters/ (there are: {string.Join(", ", sets.Keys)}).", nameof(environment));

    /// <summary>The rendered objects of one environment.</summary>
    public IReadOnlyList<KubeObject> Objects(string environment) => this[environment].Objects;

    /// <summary>An assertion target over one environment's rendered objects.</summary>
    public ClusterUnderTest Rendered(string environment) => new(new ManifestSource(Objects(environment), $"rendered {environment}"));

    /// <summary>
    /// The environments as the build already rendered them: the build's in-process host (./build.sh StackTests) runs
    /// the suites against its own sets instead of rendering a second time.
    /// </summary>
    /// <param name="root">The repository root.</param>
    /// <param name="catalog">The environments.</param>
    /// <param name="sets">The rendered sets, by environment name.</param>
    /// <returns>A fixture that needs no <see cref="InitializeAsync"/>.</returns>
    public static RenderedEnvironments FromRendered(string root, EnvironmentCatalog catalog, IReadOnlyDictionary<string, RenderedSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var fixture = new RenderedEnvironments(root) { Catalog = catalog, rendered = true };
        foreach (var (name, set) in sets)
        {
            fixture.sets[name] = set;
        }

        return fixture;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (rendered)
        {
            return;
        }

        Catalog = EnvironmentCatalog.Discover(Root);
        var renderer = new EnvironmentRenderer();
        foreach (var environment in Catalog.Environments)
        {
            var options = new RenderOptions(Root)
            {
                AllowNetwork = false,
                WriteOutput = false,
            };
            sets[environment.Name] = await renderer.RenderAsync(environment, options);
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Shares one rendering of the environments between the offline test classes.</summary>
[CollectionDefinition(RenderedEnvironments.Collection)]
public sealed class RenderedEnvironmentsCollection : ICollectionFixture<RenderedEnvironments>
{
}
