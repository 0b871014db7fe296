using Octokit;

namespace HomeLab.Pipeline.Updates;

/// <summary>
/// The comment of a pull request that carries the update report (or the comments, when it is split): found by
/// <see cref="UpdateReport.Marker"/> (and each further part by its own marker), updated in place when it exists,
/// created otherwise — so a PR that is pushed to ten times has one comment per part, never more.
/// </summary>
/// <param name="client">The GitHub client (a token with pull-requests: write).</param>
/// <param name="owner">The repository's owner.</param>
/// <param name="repository">The repository's name.</param>
/// <param name="number">The pull request's number.</param>
public sealed class PullRequestComment(IGitHubClient client, string owner, string repository, int number)
{
    /// <summary>Creates or updates the comment.</summary>
    /// <param name="body">The report (at most <see cref="UpdateReport.CommentLimit"/> characters; see <see cref="UpdateReport.Split"/>).</param>
    /// <returns>The comment's id and whether it was created.</returns>
    public async Task<(long Id, bool Created)> UpsertAsync(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var result = await UpsertAsync([body]).ConfigureAwait(false);
        return result.Comments[0];
    }

    /// <summary>
    /// Creates or updates the comments of a report split in parts (<see cref="UpdateReport.Split"/>): each part's
    /// comment is found by its marker (<see cref="UpdateReport.PartMarker"/>) and updated in place, or created; the
    /// comments of parts the report no longer has are deleted.
    /// </summary>
    /// <param name="parts">The comments' bodies, in order, each starting with its part's marker.</param>
    /// <returns>Each part's comment id and whether it was created, and how many old comments were deleted.</returns>
    public async Task<(IReadOnlyList<(long Id, bool Created)> Comments, int Deleted)> UpsertAsync(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var comments = await client.Issue.Comment.GetAllForIssue(owner, repository, number).ConfigureAwait(false);
        var written = new List<(long Id, bool Created)>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (comments.FirstOrDefault(c => Part(c.Body) == i + 1) is { } existing)
            {
                await client.Issue.Comment.Update(owner, repository, existing.Id, parts[i]).ConfigureAwait(false);
                written.Add((existing.Id, false));
            }
            else
            {
                var created = await client.Issue.Comment.Create(owner, repository, number, parts[i]).ConfigureAwait(false);
                written.Add((created.Id, true));
            }
        }

        var deleted = 0;
        foreach (var extra in comments.Where(c => Part(c.Body) > parts.Count))
        {
            await client.Issue.Comment.Delete(owner, repository, extra.Id).ConfigureAwait(false);
            deleted++;
        }

        return (written, deleted);
    }

    /// <summary>Which part of the report a comment carries, by its marker; 0 when it carries none.</summary>
    private static int Part(string? body)
    {
        if (body is null)
        {
            return 0;
        }

        if (body.Contains(UpdateReport.Marker, StringComparison.Ordinal))
        {
            return 1;
        }

        for (var part = 2; part <= UpdateReport.MostComments; part++)
        {
            if (body.Contains(UpdateReport.PartMarker(part), StringComparison.Ordinal))
            {
                return part;
            }
        }

        return 0;
    }
}
