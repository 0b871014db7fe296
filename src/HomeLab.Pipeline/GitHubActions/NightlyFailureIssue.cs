using Octokit;

namespace HomeLab.Pipeline.GitHubActions;

/// <summary>
/// Reports a failed nightly run as one issue: the open issue carrying <see cref="Label"/> gets a comment, or a new
/// one is opened when none is open. Closing the issue after a fix starts a new one on the next failure.
/// </summary>
/// <param name="client">The GitHub client (its base address can be a loopback fake in tests).</param>
/// <param name="owner">The repository's owner.</param>
/// <param name="repository">The repository's name.</param>
public sealed class NightlyFailureIssue(IGitHubClient client, string owner, string repository)
{
    /// <summary>The label that marks the one issue of failing nightly runs.</summary>
    public const string Label = "nightly-failure";

    /// <summary>The title of a new issue.</summary>
    public const string Title = "The nightly run fails";

    /// <summary>Comments on the open nightly-failure issue, or opens one.</summary>
    /// <param name="body">What failed and where the run is.</param>
    /// <param name="cancellationToken">Stops waiting for GitHub.</param>
    /// <returns>The issue's number and whether it was opened now.</returns>
    public async Task<(int Number, bool Opened)> ReportAsync(string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new RepositoryIssueRequest { State = ItemStateFilter.Open, Filter = IssueFilter.All };
        request.Labels.Add(Label);
        var open = await client.Issue.GetAllForRepository(owner, repository, request).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (open.OrderBy(i => i.Number).FirstOrDefault() is { } existing)
        {
            await client.Issue.Comment.Create(owner, repository, existing.Number, body).WaitAsync(cancellationToken).ConfigureAwait(false);
            return (existing.Number, false);
        }

        var issue = new NewIssue(Title) { Body = body };
        issue.Labels.Add(Label);
        var created = await client.Issue.Create(owner, repository, issue).WaitAsync(cancellationToken).ConfigureAwait(false);
        return (created.Number, true);
    }
}
