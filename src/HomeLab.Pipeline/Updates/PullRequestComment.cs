using Octokit;

namespace HomeLab.Pipeline.Updates;

/// <summary>
/// The one comment of a pull request that carries the update report: found by <see cref="UpdateReport.Marker"/>,
/// updated in place when it exists, created otherwise — so a PR that is pushed to ten times has one comment.
/// </summary>
/// <param name="client">The GitHub client (a token with pull-requests: write).</param>
/// <param name="owner">The repository's owner.</param>
/// <param name="repository">The repository's name.</param>
/// <param name="number">The pull request's number.</param>
public sealed class PullRequestComment(IGitHubClient client, string owner, string repository, int number)
{
    /// <summary>Creates or updates the comment.</summary>
    /// <param name="body">The report (at most <see cref="UpdateReport.CommentLimit"/> characters; see <see cref="UpdateReport.Truncate"/>).</param>
    /// <returns>The comment's id and whether it was created.</returns>
    public async Task<(long Id, bool Created)> UpsertAsync(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var comments = await client.Issue.Comment.GetAllForIssue(owner, repository, number).ConfigureAwait(false);
        if (comments.FirstOrDefault(c => c.Body?.Contains(UpdateReport.Marker, StringComparison.Ordinal) == true) is { } existing)
        {
            await client.Issue.Comment.Update(owner, repository, existing.Id, body).ConfigureAwait(false);
            return (existing.Id, false);
        }

        var created = await client.Issue.Comment.Create(owner, repository, number, body).ConfigureAwait(false);
        return (created.Id, true);
    }
}
