using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Environments;

/// <summary>
/// The environments of a repository: every directory under <c>clusters/</c>, each described by its
/// <see cref="EnvironmentDefinition.FileName"/>. Nothing is hard-coded: a new directory is a new environment.
/// </summary>
public sealed class EnvironmentCatalog
{
    /// <summary>The directory, under the repository root, that holds one directory per environment.</summary>
    public const string ClustersDirectory = "clusters";

    /// <summary>Creates a catalog.</summary>
    /// <param name="environments">The environments, by name.</param>
    /// <param name="findings">The problems found reading them.</param>
    public EnvironmentCatalog(IReadOnlyList<EnvironmentDefinition> environments, IReadOnlyList<Finding> findings)
    {
        Environments = environments;
        Findings = findings;
    }

    /// <summary>The environments, in ordinal order of name.</summary>
    public IReadOnlyList<EnvironmentDefinition> Environments { get; }

    /// <summary>The problems found reading them.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>The names of the environments.</summary>
    public IEnumerable<string> Names => Environments.Select(e => e.Name);

    /// <summary>Discovers the environments of a repository.</summary>
    /// <param name="repositoryRoot">The repository root.</param>
    /// <returns>The catalog; a directory without an environment file is a finding.</returns>
    public static EnvironmentCatalog Discover(string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        var clusters = Path.Combine(repositoryRoot, ClustersDirectory);
        var environments = new List<EnvironmentDefinition>();
        var findings = new List<Finding>();
        if (!Directory.Exists(clusters))
        {
            findings.Add(new Finding(EnvironmentRuleIds.MissingFile, Severity.Error, $"there is no {ClustersDirectory}/ directory in {repositoryRoot}")
            {
                Hint = $"create {ClustersDirectory}/<environment>/{EnvironmentDefinition.FileName} for each environment",
            });
            return new EnvironmentCatalog(environments, findings);
        }

        var directories = Directory.GetDirectories(clusters).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            var file = Path.Combine(directory, EnvironmentDefinition.FileName);
            if (!File.Exists(file))
            {
                findings.Add(new Finding(EnvironmentRuleIds.MissingFile, Severity.Error, $"the environment directory {Path.GetFileName(directory)} has no {EnvironmentDefinition.FileName}")
                {
                    Span = new SourceSpan(file, 0, 0, 0, 0),
                    Hint = $"describe the environment (nodes, network, what to render) in {file}",
                });
                continue;
            }

            var (environment, found) = EnvironmentFile.Load(file);
            findings.AddRange(found);
            if (environment is not null)
            {
                environments.Add(environment);
            }
        }

        return new EnvironmentCatalog(environments, findings);
    }

    /// <summary>Finds an environment by name.</summary>
    /// <param name="name">The name, such as <c>k3d</c>.</param>
    /// <returns>The environment, or null when there is none by that name.</returns>
    public EnvironmentDefinition? Find(string name) => Environments.FirstOrDefault(e => e.Name == name);
}
