using System.Globalization;
using System.Text;
using HomeLab.Manifests.Diff;

namespace HomeLab.Cluster.Deploy;

/// <summary>
/// What a promotion will do to the cluster, Application by Application and wave by wave, as the server's dry-run
/// apply says: objects to create, change (field by field, secrets masked) and prune, with a total line.
/// </summary>
/// <param name="Changes">Every planned change, in wave, Application and object order.</param>
public sealed record DeploymentPlan(IReadOnlyList<PlannedChange> Changes)
{
    /// <summary>
    /// The step before the waves on a cluster without ArgoCD (a first deployment): what <see cref="Argo.ArgoCdBootstrap"/>
    /// will install; null when ArgoCD is already there.
    /// </summary>
    public string? Bootstrap { get; init; }

    /// <summary>Objects to create.</summary>
    public int Creates => Changes.Count(c => c.Change == ChangeKind.Added);

    /// <summary>Objects to change.</summary>
    public int Updates => Changes.Count(c => c.Change == ChangeKind.Changed);

    /// <summary>Objects to prune.</summary>
    public int Prunes => Changes.Count(c => c.Change == ChangeKind.Removed);

    /// <summary>Whether nothing would change.</summary>
    public bool IsEmpty => Changes.Count == 0 && Bootstrap is null;

    /// <summary>The total line: <c>3 to create, 1 to change, 0 to prune</c>, after <c>ArgoCD to bootstrap, </c> on a first deployment.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"{(Bootstrap is null ? string.Empty : "ArgoCD to bootstrap, ")}{Creates} to create, {Updates} to change, {Prunes} to prune");

    /// <summary>The plan for a terminal: waves, Applications, objects and changed fields, then the total line.</summary>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var text = new StringBuilder();
        if (Bootstrap is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"bootstrap (no ArgoCD on the cluster)\n  + {Bootstrap}\n");
        }

        foreach (var wave in Changes.GroupBy(c => c.Wave))
        {
            text.Append(CultureInfo.InvariantCulture, $"wave {wave.Key}\n");
            foreach (var application in wave.GroupBy(c => c.Application))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {application.Key}\n");
                foreach (var change in application)
                {
                    var sign = change.Change switch { ChangeKind.Added => '+', ChangeKind.Removed => '-', _ => '~' };
                    text.Append(CultureInfo.InvariantCulture, $"    {sign} {change.Verb,-6} {change.Object}\n");
                    foreach (var field in change.Fields)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"        {field.Path}: {field.Before ?? "(none)"} → {field.After ?? "(none)"}\n");
                    }
                }
            }
        }

        text.Append(IsEmpty ? "no changes: the cluster already runs this revision\n" : $"Plan: {Summary}\n");
        return text.ToString();
    }

    /// <summary>The plan as Markdown, for the GitHub step summary and a deployment comment.</summary>
    /// <param name="revision">The revision the plan is for.</param>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown(string revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### DeployProd plan for `{revision}`\n\n**{(IsEmpty ? "no changes" : Summary)}**\n\n");
        if (Bootstrap is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Bootstrap first (no ArgoCD on the cluster): {Escape(Bootstrap)}\n\n");
        }

        if (Changes.Count == 0)
        {
            return text.ToString();
        }

        text.Append("| wave | Application | action | object | fields |\n|---:|---|---|---|---|\n");
        foreach (var change in Changes)
        {
            var fields = string.Join("<br>", change.Fields.Select(f => $"`{Escape(f.Path)}`: {Escape(f.Before ?? "(none)")} → {Escape(f.After ?? "(none)")}"));
            text.Append(CultureInfo.InvariantCulture, $"| {change.Wave} | {change.Application} | {change.Verb} | `{change.Object}` | {fields} |\n");
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
