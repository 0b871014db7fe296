using System.Reflection;
using System.Text.RegularExpressions;
using HomeLab.Targets;
using YamlDotNet.RepresentationModel;

namespace HomeLab.Build.Tests.Workflows;

/// <summary>
/// The committed workflows ARE the golden files: the build must generate them byte for byte, and each must be sound
/// read on its own: needs exist, outputs referred to are defined, actions pinned, permissions and timeouts declared,
/// every invoked target and option known to the build.
/// </summary>
public sealed partial class WorkflowFilesTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string root, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var output = new StringWriter();
        var exitCode = await BuildRunner.RunAsync(
            new BuildRunSettings
            {
                Arguments = [.. arguments, "--root", root, "--no-logo"],
                Output = output,
                WorkingDirectory = root,
                WriteSchema = false,
                Environment = environment ?? new Dictionary<string, string>(),
            },
            new global::Build(),
            global::Build.Defaults);
        return (exitCode, output.ToString());
    }

    [Fact]
    public void The_four_tiers_are_committed()
    {
        CommittedWorkflows.Files.Select(Path.GetFileName).Should().Equal("extended.yml", "nightly.yml", "pr.yml", "renovate.yml");
    }

    [Fact]
    public async Task The_committed_workflows_are_what_the_build_generates()
    {
        var (exitCode, output) = await RunAsync(Repository.Root, null, "GenerateWorkflows", "--check");

        exitCode.Should().Be(0, "the workflows are generated: run ./build.sh GenerateWorkflows and commit .github/workflows\n" + output);
        output.Should().Contain("4 workflows up to date");
    }

    [Fact]
    public async Task The_drift_check_fails_with_a_diff_when_a_committed_workflow_was_edited_by_hand()
    {
        var root = Directory.CreateTempSubdirectory("homelab-drift-").FullName;
        try
        {
            foreach (var directory in new[] { "manifests", "clusters", ".github/workflows" })
            {
                Copy(Path.Combine(Repository.Root, directory), Path.Combine(root, directory));
            }

            Directory.CreateDirectory(Path.Combine(root, ".nuke"));
            foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, ".nuke"), "*.json"))
            {
                File.Copy(file, Path.Combine(root, ".nuke", Path.GetFileName(file)));
            }

            var pr = Path.Combine(root, ".github", "workflows", "pr.yml");
            File.WriteAllText(pr, File.ReadAllText(pr).Replace("timeout-minutes: 15", "timeout-minutes: 30", StringComparison.Ordinal));

            var (exitCode, output) = await RunAsync(root, null, "GenerateWorkflows", "--check");

            exitCode.Should().Be(1, output);
            output.Should().Contain("--- .github/workflows/pr.yml (committed)")
                .And.Contain("-    timeout-minutes: 30")
                .And.Contain("+    timeout-minutes: 15")
                .And.Contain("pr.yml differs from what the build generates. Hint: run ./build.sh GenerateWorkflows");
            output.Should().NotContain("extended.yml");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Every_job_declares_its_permissions_and_a_timeout_and_no_workflow_grants_any()
    {
        foreach (var file in CommittedWorkflows.Files)
        {
            var workflow = CommittedWorkflows.Load(file, out var name);
            workflow.Get("permissions").Should().BeOfType<YamlMappingNode>().Which.Children.Should().BeEmpty($"{name} grants nothing at the workflow level");
            foreach (var (id, job) in workflow.Jobs())
            {
                job.Get("permissions").Should().BeOfType<YamlMappingNode>($"{name} job {id} declares its permissions");
                int.Parse(((YamlScalarNode)job.Get("timeout-minutes")!).Value!, System.Globalization.CultureInfo.InvariantCulture).Should().BePositive($"{name} job {id} has a timeout");
            }
        }
    }

    [Fact]
    public void Only_the_job_that_uploads_sarif_may_write_security_events_and_only_the_reporting_job_may_write_issues()
    {
        foreach (var file in CommittedWorkflows.Files)
        {
            foreach (var (id, job) in CommittedWorkflows.Load(file, out var name).Jobs())
            {
                var permissions = ((YamlMappingNode)job.Get("permissions")!).Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());
                var uses = job.Steps().Select(s => s.Get("uses")?.ToString() ?? string.Empty).ToList();
                var runs = job.Steps().Select(s => s.Get("run")?.ToString() ?? string.Empty).ToList();
                permissions.GetValueOrDefault("security-events").Should().Be(uses.Any(u => u.Contains("upload-sarif", StringComparison.Ordinal)) ? "write" : null, $"{name} job {id}");
                permissions.GetValueOrDefault("issues").Should().Be(runs.Any(r => r.Contains("ReportNightlyFailure", StringComparison.Ordinal)) ? "write" : null, $"{name} job {id}");
                permissions.Keys.Should().BeSubsetOf(["contents", "security-events", "issues"], $"{name} job {id} asks for nothing else");
                permissions.GetValueOrDefault("contents").Should().Be("read", $"{name} job {id} only reads the repository");
            }
        }
    }

    [Fact]
    public void Every_action_is_pinned_to_a_full_commit_with_its_version_beside_it()
    {
        foreach (var file in CommittedWorkflows.Files)
        {
            var usesLines = File.ReadAllLines(file).Where(l => l.TrimStart().StartsWith("uses:", StringComparison.Ordinal)).ToList();
            usesLines.Should().NotBeEmpty();
            usesLines.Should().AllSatisfy(l => PinnedUses().IsMatch(l).Should().BeTrue($"{Path.GetFileName(file)}: '{l.Trim()}' names a commit and a version"));
        }
    }

    [Fact]
    public void Needs_and_the_outputs_they_read_and_step_outputs_refer_to_what_is_defined()
    {
        foreach (var file in CommittedWorkflows.Files)
        {
            var workflow = CommittedWorkflows.Load(file, out var name);
            var jobs = workflow.Jobs().ToDictionary(j => j.Id, j => j.Job);
            foreach (var (id, job) in jobs)
            {
                var needs = job.Get("needs") is YamlSequenceNode list ? list.Children.Select(n => n.ToString()).ToList() : [];
                foreach (var need in needs)
                {
                    jobs.Should().ContainKey(need, $"{name} job {id} needs it");
                }

                foreach (Match match in NeedsOutput().Matches(string.Join('\n', CommittedWorkflows.Scalars(job))))
                {
                    needs.Should().Contain(match.Groups[1].Value, $"{name} job {id} reads {match.Value}");
                    var outputs = jobs[match.Groups[1].Value].Get("outputs") as YamlMappingNode;
                    outputs?.Get(match.Groups[2].Value).Should().NotBeNull($"{name} job {id} reads {match.Value}");
                    outputs.Should().NotBeNull($"{name} job {id} reads {match.Value}");
                }

                var earlier = new HashSet<string>();
                foreach (var step in job.Steps())
                {
                    foreach (Match match in StepOutput().Matches(string.Join('\n', CommittedWorkflows.Scalars(step))))
                    {
                        earlier.Should().Contain(match.Groups[1].Value, $"{name} job {id} reads {match.Value} after that step");
                    }

                    if (step.Get("id") is YamlScalarNode stepId)
                    {
                        earlier.Add(stepId.Value!);
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_target_and_option_a_workflow_invokes_is_in_the_build_or_awaited()
    {
        var targets = BuildModel.Discover(new global::Build()).Targets.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var options = ParameterNames().Concat(["output", "skip", "profile", "verbosity", "no-logo", "parallel"]).Select(Normalize).ToHashSet();
        var awaited = global::Build.Awaited.Select(a => Normalize(a.TrimStart('-'))).ToHashSet();
        var invoked = 0;
        foreach (var file in CommittedWorkflows.Files)
        {
            var workflow = CommittedWorkflows.Load(file, out var name);
            foreach (var run in workflow.Jobs().SelectMany(j => j.Job.Steps()).Select(s => s.Get("run")?.ToString()).OfType<string>())
            {
                run.Should().StartWith("./build.sh", $"{name}: every step runs the build, so a laptop runs the same");
                var words = run.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
                foreach (var target in words.TakeWhile(w => !w.StartsWith("--", StringComparison.Ordinal)))
                {
                    (targets.Contains(target) || awaited.Contains(Normalize(target))).Should().BeTrue($"{name}: '{run}' invokes {target}");
                    invoked++;
                }

                foreach (var option in words.Where(w => w.StartsWith("--", StringComparison.Ordinal)).Select(w => Normalize(w[2..])))
                {
                    (options.Contains(option) || awaited.Contains(option)).Should().BeTrue($"{name}: '{run}' passes --{option}");
                }
            }
        }

        invoked.Should().BeGreaterThan(8);
    }

    [Fact]
    public void Each_awaited_name_is_still_missing_from_the_build()
    {
        var targets = BuildModel.Discover(new global::Build()).Targets.Select(t => Normalize(t.Name)).ToHashSet();
        var options = ParameterNames().Select(Normalize).ToHashSet();
        foreach (var name in global::Build.Awaited)
        {
            var present = name.StartsWith("--", StringComparison.Ordinal) ? options.Contains(Normalize(name[2..])) : targets.Contains(Normalize(name));
            present.Should().BeFalse($"{name} is in the build now: remove it from Build.Awaited (build/Build.Workflows.cs) so the workflows are checked against it");
        }
    }

    [Fact]
    public void Pull_requests_from_forks_get_no_secret_and_superseded_pull_request_runs_are_cancelled()
    {
        foreach (var file in CommittedWorkflows.Files)
        {
            var workflow = CommittedWorkflows.Load(file, out var name);
            var on = (YamlMappingNode)workflow.Get("on")!;
            on.Get("pull_request_target").Should().BeNull($"{name}: pull_request_target runs fork code with secrets");
            if (on.Get("pull_request") is null)
            {
                continue;
            }

            CommittedWorkflows.Scalars(workflow).Where(s => SecretExpression().IsMatch(s)).Should().BeEmpty($"{name} runs on pull requests");
            ((YamlMappingNode)workflow.Get("concurrency")!).Get("cancel-in-progress")!.ToString().Should().NotBe("false", name);
        }
    }

    [Fact]
    public void The_extended_tier_runs_for_changes_to_every_observability_application_and_nothing_else()
    {
        var on = (YamlMappingNode)CommittedWorkflows.Load(Path.Combine(CommittedWorkflows.Directory, "extended.yml")).Get("on")!;
        var paths = ((YamlSequenceNode)((YamlMappingNode)on.Get("pull_request")!).Get("paths")!).Children.Select(p => p.ToString()).ToList();

        var applications = Directory.GetFiles(Path.Combine(Repository.Root, "manifests", "argocd", "observability"), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'));
        paths.Should().Contain(applications);
        foreach (var directory in Directory.GetDirectories(Path.Combine(Repository.Root, "manifests", "observability")))
        {
            var relative = Path.GetRelativePath(Repository.Root, directory).Replace('\\', '/') + "/";
            paths.Should().Contain(p => p.StartsWith(relative, StringComparison.Ordinal), $"an observability Application deploys from {relative}");
        }

        paths.Should().Contain(["clusters/k3d/apps/observability-patches.yaml", "clusters/k3s/apps/observability-patches.yaml"], "an environment's patches of those Applications change them too");
        paths.Should().NotContain(p => p.StartsWith("manifests/apps/", StringComparison.Ordinal) || p.StartsWith("manifests/platform/", StringComparison.Ordinal) || p.Contains("workloads", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ParameterNames() =>
        typeof(global::Build).GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Concat(typeof(BuildBase).GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Concat(typeof(global::Build).GetInterfaces().SelectMany(i => i.GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)))
            .Select(m => (Member: m, Attribute: m.GetCustomAttribute<ParameterAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => p.Attribute!.Name ?? p.Member.Name);

    private static string Normalize(string name) => name.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^\s*(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")]
    private static partial Regex PinnedUses();

    [GeneratedRegex(@"needs\.([\w-]+)\.outputs\.([\w-]+)")]
    private static partial Regex NeedsOutput();

    [GeneratedRegex(@"\$\{\{[^}]*\bsecrets\.")]
    private static partial Regex SecretExpression();

    [GeneratedRegex(@"steps\.([\w-]+)\.outputs")]
    private static partial Regex StepOutput();
}
