using System.Xml.Linq;

namespace HomeLab.Build.Tests;

/// <summary>
/// The dependency arrows of ARCHITECTURE.md, read from the project files: build → Pipeline → everything below;
/// Assertions → Cluster → Manifests → Tools; Targets and Tools depend on no other project of ours; a test
/// project references the project it tests and nothing above it.
/// </summary>
public sealed class ProjectReferenceTests
{
    // Higher layers may reference lower ones, never the other way. Targets stands beside the libraries: only
    // the pipeline and the build above it may use it.
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["HomeLab.Tools"] = 1,
        ["HomeLab.Manifests"] = 2,
        ["HomeLab.Cluster"] = 3,
        ["HomeLab.Assertions"] = 4,
        ["HomeLab.Targets"] = 4,
        ["HomeLab.Pipeline"] = 5,
        ["_build"] = 6,
    };

    private static readonly string[] Foundations = ["HomeLab.Targets", "HomeLab.Tools"];

    /// <summary>Each project of the repository and the projects it references, by name.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadProjects(string root) =>
        Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}.", StringComparison.Ordinal))
            .ToDictionary(
                path => Path.GetFileNameWithoutExtension(path),
                path => (IReadOnlyList<string>)[.. XDocument.Load(path).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))]);

    /// <summary>Every reference that points the wrong way, as <c>from → to: why</c>.</summary>
    internal static List<string> WrongArrows(IReadOnlyDictionary<string, IReadOnlyList<string>> projects)
    {
        var wrong = new List<string>();
        foreach (var (project, references) in projects.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var reference in references)
            {
                var why = Why(project, reference);
                if (why is not null)
                {
                    wrong.Add($"{project} → {reference}: {why}");
                }
            }

            if (project.EndsWith(".Tests", StringComparison.Ordinal) && Tested(project) is { } tested && Layers.ContainsKey(tested) && !references.Contains(tested))
            {
                wrong.Add($"{project} does not reference {tested}, the project it tests");
            }
        }

        return wrong;
    }

    private static string? Tested(string testProject) =>
        testProject == "HomeLab.Build.Tests" ? "_build" : testProject[..^".Tests".Length];

    private static string? Why(string project, string reference)
    {
        if (Foundations.Contains(project))
        {
            return $"{project} depends on no other project of ours";
        }

        // The one exception: the build hosts this homelab's own offline suites in its process (StackTests runs them
        // against the set Render produced), so it references the stack's suites — never a library's tests.
        if (project == "_build" && reference == "HomeLab.Stack.Tests")
        {
            return null;
        }

        if (reference.EndsWith(".Tests", StringComparison.Ordinal))
        {
            return "no project references a test project";
        }

        if (project == "HomeLab.Testing" || project == "HomeLab.Stack.Tests")
        {
            // Test support and the stack's own suites use the libraries, never the pipeline or the build.
            return Layers.TryGetValue(reference, out var layer) && layer >= Layers["HomeLab.Pipeline"] ? "tests of the stack use the libraries, not the pipeline" : null;
        }

        if (project.EndsWith(".Tests", StringComparison.Ordinal))
        {
            var tested = Tested(project)!;
            return reference == tested || reference == "HomeLab.Testing"
                || (Layers.TryGetValue(reference, out var below) && Layers.TryGetValue(tested, out var own) && below < own && reference != "HomeLab.Targets")
                ? null
                : $"a test project mirrors {tested} and references nothing above it";
        }

        if (!Layers.TryGetValue(project, out var from) || !Layers.TryGetValue(reference, out var to))
        {
            return $"{(Layers.ContainsKey(project) ? reference : project)} has no place in the layout of ARCHITECTURE.md";
        }

        if (reference == "HomeLab.Targets" && from < Layers["HomeLab.Pipeline"])
        {
            return "only the pipeline and the build use the target engine";
        }

        if (project == "_build" && reference != "HomeLab.Pipeline")
        {
            return "build/ composes components: it references HomeLab.Pipeline, which brings everything below";
        }

        return to < from ? null : "the arrow points up (build → Pipeline → Assertions → Cluster → Manifests → Tools)";
    }

    [Fact]
    public void Every_project_reference_points_down_the_layers()
    {
        var projects = ReadProjects(Repository.Root);

        projects.Should().ContainKeys(Layers.Keys);
        WrongArrows(projects).Should().BeEmpty();
    }

    [Fact]
    public void A_library_that_references_one_above_it_is_named_with_the_rule_it_breaks()
    {
        var projects = new Dictionary<string, IReadOnlyList<string>>
        {
            ["HomeLab.Manifests"] = ["HomeLab.Tools", "HomeLab.Cluster"],
            ["HomeLab.Tools"] = ["HomeLab.Manifests"],
            ["HomeLab.Cluster"] = ["HomeLab.Targets"],
            ["_build"] = ["HomeLab.Pipeline", "HomeLab.Manifests"],
            ["HomeLab.Manifests.Tests"] = ["HomeLab.Manifests", "HomeLab.Pipeline"],
        };

        WrongArrows(projects).Should().Equal(
            "HomeLab.Cluster → HomeLab.Targets: only the pipeline and the build use the target engine",
            "HomeLab.Manifests → HomeLab.Cluster: the arrow points up (build → Pipeline → Assertions → Cluster → Manifests → Tools)",
            "HomeLab.Manifests.Tests → HomeLab.Pipeline: a test project mirrors HomeLab.Manifests and references nothing above it",
            "HomeLab.Tools → HomeLab.Manifests: HomeLab.Tools depends on no other project of ours",
            "_build → HomeLab.Manifests: build/ composes components: it references HomeLab.Pipeline, which brings everything below");
    }
}
