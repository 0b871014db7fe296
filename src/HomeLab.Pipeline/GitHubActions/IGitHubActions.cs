using HomeLab.Targets;
using HomeLab.Targets.Workflows;
using ApiException = Octokit.ApiException;
using Credentials = Octokit.Credentials;
using GitHubClient = Octokit.GitHubClient;
using ProductHeaderValue = Octokit.ProductHeaderValue;

namespace HomeLab.Pipeline.GitHubActions;

/// <summary>
/// A component: the build declares its GitHub Actions workflows (<see cref="Workflows"/>) and gets
/// <c>GenerateWorkflows</c>, which writes them to <c>.github/workflows</c> (or, with <c>--check</c>, fails with a
/// diff when the committed files differ), and <c>ReportNightlyFailure</c>, which opens or updates one issue.
/// </summary>
public interface IGitHubActions : IBuild
{
    /// <summary>The workflows, one file each.</summary>
    IEnumerable<Workflow> Workflows { get; }

    /// <summary>Whether <c>GenerateWorkflows</c> only compares (the build binds it to a <c>--check</c> parameter).</summary>
    bool CheckWorkflows { get; }

    /// <summary>The token <c>ReportNightlyFailure</c> uses (the build binds it to a secret parameter, from <c>GITHUB_TOKEN</c>).</summary>
    string? GitHubToken { get; }

    /// <summary>Targets and options (<c>--name</c>) the workflows may invoke before the build has them.</summary>
    IReadOnlyCollection<string> AwaitedNames => [];

    /// <summary>The build's environment variables (GitHub's <c>GITHUB_*</c> among them).</summary>
    private IReadOnlyDictionary<string, string> Variables => (this as BuildBase)?.Environment ?? new Dictionary<string, string>();

    /// <summary>Writes the declared workflows, or checks that the committed ones are what the build generates.</summary>
    Target GenerateWorkflows => _ => _
        .Description("Writes .github/workflows from the build's workflow declaration; with --check, fails with a diff when the committed files differ.")
        .Executes(context =>
        {
            var generator = CreateWorkflowGenerator();
            var workflows = Workflows.ToList();
            var problems = workflows.SelectMany(generator.Check).ToList();
            foreach (var problem in problems)
            {
                context.Report(new BuildAnnotation(AnnotationSeverity.Error, problem, null, null, null, "workflows/structure"));
            }

            if (problems.Count > 0)
            {
                throw new TargetFailedException($"{problems.Count} problem(s) in the workflow declaration; fix the declaration, not the generated files.");
            }

            var files = workflows.ToDictionary(w => w.FileName, generator.Write, StringComparer.Ordinal);
            var directory = RootDirectory / WorkflowGenerator.Directory;
            if (CheckWorkflows)
            {
                var drifts = WorkflowDrift.Compare(directory, files);
                foreach (var drift in drifts)
                {
                    foreach (var line in drift.Diff.TrimEnd('\n').Split('\n'))
                    {
                        context.Info(line);
                    }
                }

                if (drifts.Count > 0)
                {
                    throw new TargetFailedException(
                        $"{string.Join(", ", drifts.Select(d => d.FileName))} {(drifts.Count == 1 ? "differs" : "differ")} from what the build generates. Hint: run ./build.sh GenerateWorkflows and commit {WorkflowGenerator.Directory}.");
                }

                context.AddNote($"{files.Count} workflows up to date");
                return;
            }

            Directory.CreateDirectory(directory);
            var written = 0;
            foreach (var (name, text) in files)
            {
                var path = directory / name;
                if (!File.Exists(path) || File.ReadAllText(path) != text)
                {
                    File.WriteAllText(path, text);
                    written++;
                }
            }

            context.AddNote($"{files.Count} workflows, {written} rewritten");
        });

    /// <summary>Opens or updates the one issue that says the nightly run fails.</summary>
    Target ReportNightlyFailure => _ => _
        .Description("Opens the nightly-failure issue, or comments on the open one, with a link to the run (GITHUB_TOKEN, GITHUB_REPOSITORY).")
        .Executes(async (context, cancellationToken) =>
        {
            var token = GitHubToken is { Length: > 0 } given
                ? given
                : throw new TargetFailedException("No GitHub token. Hint: give the step env GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }} (and the job issues: write), or pass --github-token.");
            var variables = Variables;
            var repository = variables.GetValueOrDefault("GITHUB_REPOSITORY") is { } named && named.Split('/') is [{ Length: > 0 } owner, { Length: > 0 } name]
                ? (Owner: owner, Name: name)
                : throw new TargetFailedException("GITHUB_REPOSITORY is not set as owner/name. Hint: run this target in GitHub Actions, or set GITHUB_REPOSITORY=owner/name.");
            var apiUrl = variables.GetValueOrDefault("GITHUB_API_URL") is { Length: > 0 } api ? api : "https://api.github.com";
            var server = variables.GetValueOrDefault("GITHUB_SERVER_URL") is { Length: > 0 } url ? url : "https://github.com";
            var run = variables.GetValueOrDefault("GITHUB_RUN_ID") is { Length: > 0 } id
                ? $"{server}/{repository.Owner}/{repository.Name}/actions/runs/{id}"
                : "a run outside GitHub Actions";
            var client = new GitHubClient(new ProductHeaderValue("homelab-build"), new Uri(apiUrl))
            {
                Credentials = new Credentials(token),
            };
            var today = Time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                var (number, opened) = await new NightlyFailureIssue(client, repository.Owner, repository.Name)
                    .ReportAsync($"The nightly run of {today} failed: {run}", cancellationToken).ConfigureAwait(false);
                context.AddNote(opened ? $"opened issue #{number}" : $"commented on issue #{number}");
            }
            catch (ApiException exception)
            {
                throw new TargetFailedException($"GitHub answered {(int)exception.StatusCode} at {apiUrl}: {exception.Message}. Hint: the job needs 'issues: write' and GITHUB_TOKEN in its environment.");
            }
            catch (HttpRequestException exception)
            {
                throw new TargetFailedException($"GitHub did not answer at {apiUrl}: {exception.Message}");
            }
        });

    /// <summary>The clock (the build's, so tests can fix the date).</summary>
    private TimeProvider Time => (this as BuildBase)?.Time ?? TimeProvider.System;

    /// <summary>A generator that knows the build's targets and parameters.</summary>
    /// <returns>The generator.</returns>
    WorkflowGenerator CreateWorkflowGenerator()
    {
        var build = this as BuildBase;
        var model = build?.Model ?? BuildModel.Discover(this);
        return new WorkflowGenerator(model, build?.Parameters.Select(p => p.Name) ?? [], AwaitedNames);
    }
}
