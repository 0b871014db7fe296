using System.Text.RegularExpressions;
using HomeLab.Targets;

namespace HomeLab.Build.Tests;

/// <summary>
/// Every command a message, a skip reason, a comment or the README tells a user to type (<c>./build.sh Name …</c>)
/// names targets the build really has, read from the build itself, so a hint never sends anyone to a target that
/// does not exist.
/// </summary>
public sealed partial class HintTests
{
    /// <summary>
    /// PLANNED TARGETS, being added by work in progress: hints may name them before they land. Remove each name here
    /// when its target is in the build (<see cref="Planned_targets_are_not_in_the_build_yet"/> fails to say so).
    /// </summary>
    private static readonly string[] Planned = [];

    // The engine's own tests run builds of their own with other targets; this file quotes wrong hints on purpose.
    private static readonly string[] NotScanned = ["tests/HomeLab.Targets.Tests/", "tests/HomeLab.Build.Tests/HintTests.cs"];

    private static IReadOnlyList<string> BuildTargets { get; } = [.. BuildModel.Discover(new global::Build()).Targets.Select(t => t.Name)];

    [Fact]
    public void Every_build_sh_command_in_messages_docs_and_comments_names_a_target_of_the_build()
    {
        var known = BuildTargets.Concat(Planned).ToHashSet(StringComparer.Ordinal);
        var wrong = new List<string>();
        var mentions = 0;
        foreach (var file in ScannedFiles())
        {
            var relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var name in TargetsNamedIn(lines[i]))
                {
                    mentions++;
                    if (!known.Contains(name))
                    {
                        wrong.Add($"{relative}:{i + 1}: '{name}' is not a target of the build");
                    }
                }
            }
        }

        mentions.Should().BeGreaterThan(10, "the README and the messages quote many commands; finding none means the scan is broken");
        wrong.Should().BeEmpty("a hint must name a target that exists: targets are {0}", string.Join(", ", BuildTargets));
    }

    [Fact]
    public void Planned_targets_are_not_in_the_build_yet()
    {
        BuildTargets.Intersect(Planned).Should().BeEmpty("a planned target that landed is checked like any other: remove it from HintTests.Planned");
    }

    [Theory]
    [InlineData("run `./build.sh ClusterUp Test --tier live` first", new[] { "ClusterUp", "Test" })]
    [InlineData("./build.sh UnitTest --skip Compile   # skip named targets", new[] { "UnitTest", "Compile" })]
    [InlineData("./build.sh Seal --environment k3d --name NAME --literal KEY=VALUE --output x.yaml", new[] { "Seal" })]
    [InlineData("start one with ./build.sh ClusterUp Test, or point KUBECONFIG at one.", new[] { "ClusterUp", "Test" })]
    [InlineData("\"./build.sh --environment k3d Render\"", new[] { "Render" })]
    [InlineData("./build.sh --skip Render Validate --profile ci Lint", new[] { "Render", "Validate", "Lint" })]
    [InlineData(@".\build.ps1 Verify --parallel; build.cmd Lint", new[] { "Verify", "Lint" })]
    [InlineData("the next ./build.sh compiles again", new string[0])]
    [InlineData("Usage: ./build.sh [targets...] [options]", new string[0])]
    public void Target_names_are_read_from_a_command_the_way_the_build_reads_them(string line, string[] targets)
    {
        TargetsNamedIn(line).Should().Equal(targets);
    }

    /// <summary>The target names in each <c>./build.sh …</c> (or build.cmd, build.ps1) command on a line.</summary>
    private static List<string> TargetsNamedIn(string line)
    {
        var names = new List<string>();
        foreach (Match command in Command().Matches(line))
        {
            // The word after an option is its value (--name NAME), except after --skip and --target, whose values are targets.
            var valueNext = false;
            foreach (var token in command.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.StartsWith('-'))
                {
                    valueNext = token is not ("--skip" or "--target");
                    continue;
                }

                if (valueNext)
                {
                    valueNext = false;
                    continue;
                }

                var word = token.TrimEnd(',', '.', ':');
                if (!TargetName().IsMatch(word))
                {
                    break; // prose, not a command: "./build.sh compiles again"
                }

                names.Add(word);
                if (word.Length != token.Length)
                {
                    break; // the sentence goes on after the command
                }
            }
        }

        return names;
    }

    private static IEnumerable<string> ScannedFiles()
    {
        var root = Repository.Root;
        IEnumerable<string> Under(string directory, params string[] patterns) =>
            Directory.Exists(Path.Combine(root, directory))
                ? patterns.SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, directory), p, SearchOption.AllDirectories))
                : [];

        return Directory.EnumerateFiles(root, "*.md")
            .Concat(Under("src", "*.cs", "*.md"))
            .Concat(Under("build", "*.cs", "*.md", "*.bash"))
            .Concat(Under("tests", "*.cs", "*.md", "*.yaml"))
            .Concat(Under("manifests", "*.yaml", "*.md"))
            .Concat(Under("clusters", "*.yaml", "*.md"))
            .Concat(Under(".github", "*.yml", "*.json5"))
            .Where(file =>
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                return !relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal)
                    && !NotScanned.Any(skip => relative.StartsWith(skip, StringComparison.Ordinal));
            });
    }

    [GeneratedRegex(@"(?:\./|\.\\|\b)build\.(?:sh|cmd|ps1)(?<rest>(?: +[^ `""'|;)&#<>\[\]]+)*)")]
    private static partial Regex Command();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex TargetName();
}
