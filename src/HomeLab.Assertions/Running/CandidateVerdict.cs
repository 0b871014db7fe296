using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;
using HomeLab.Assertions.Trees;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Running;

/// <summary>
/// How an assertion tree fares against the objects it selects — the one place that looks the objects up, evaluates
/// each and decides by <see cref="CandidateMatch"/>; the live steps and the offline Assert target both report from it.
/// </summary>
/// <param name="Candidates">The selected objects, each with its result.</param>
/// <param name="Matching">How many match.</param>
/// <param name="Holds">Whether the tree holds: any (or, with <see cref="CandidateMatch.All"/>, every) object matches.</param>
/// <param name="Shown">The failing objects worth showing: the closest one for any, every failing one for all.</param>
/// <param name="Summary">For several objects, <c>2 of 3 selected objects match (match: all)</c>; otherwise empty.</param>
internal sealed record CandidateVerdict(
    IReadOnlyList<(JObject Object, AssertionResult Result)> Candidates,
    int Matching,
    bool Holds,
    IReadOnlyList<(JObject Object, AssertionResult Result)> Shown,
    string Summary)
{
    /// <summary>The objects a query selects: the one it names, or every one it matches.</summary>
    public static async Task<IReadOnlyList<JObject>> FindAsync(IResourceSource source, ResourceQuery query, CancellationToken cancellationToken) =>
        query.Name is not null
            ? await source.GetAsync(query, cancellationToken).ConfigureAwait(false) is { } found ? [found] : []
            : await source.ListAsync(query, cancellationToken).ConfigureAwait(false);

    /// <summary>Evaluates the tree against each candidate and decides.</summary>
    public static CandidateVerdict Judge(AssertionTree tree, IReadOnlyList<JObject> candidates, EvaluationOptions options, CandidateMatch match)
    {
        var results = candidates.Select(c => (Object: c, Result: tree.Evaluate(c, options))).ToList();
        var matching = results.Count(r => r.Result.IsMatch);
        var holds = match == CandidateMatch.Any ? matching > 0 : matching == results.Count;
        var failing = results.Where(r => !r.Result.IsMatch).ToList();
        var shown = match == CandidateMatch.Any ? failing.OrderBy(r => r.Result.Errors.Count).Take(1).ToList() : failing;
        var summary = results.Count > 1 ? $"{matching} of {results.Count} selected objects match (match: {match.ToString().ToLowerInvariant()})" : string.Empty;
        return new CandidateVerdict(results, matching, holds, shown, summary);
    }
}
