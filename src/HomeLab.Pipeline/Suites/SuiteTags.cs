using System.Reflection;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Suites;

/// <summary>The tags (xunit <c>[Trait("tag", ...)]</c>) the C# suites carry, so <c>Test --tag</c> can say which of its tags select nothing.</summary>
public static class SuiteTags
{
    /// <summary>The xunit trait name <c>--tag</c> selects on.</summary>
    public const string Trait = "tag";

    /// <summary>Every tag on a test class or test method of the suites' assembly.</summary>
    /// <param name="suites">The suites' assembly.</param>
    /// <returns>The tags.</returns>
    public static IReadOnlySet<string> Of(Assembly suites)
    {
        ArgumentNullException.ThrowIfNull(suites);
        var members = suites.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Cast<MemberInfo>().Prepend(t));
        return members
            .SelectMany(m => m.GetCustomAttributesData())
            .Where(a => a.AttributeType.FullName == "Xunit.TraitAttribute" && a.ConstructorArguments is [{ Value: Trait }, { Value: string }])
            .Select(a => (string)a.ConstructorArguments[1].Value!)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The requested tags no test carries, in the order given.</summary>
    /// <param name="requested">The tags of <c>--tag</c>.</param>
    /// <param name="known">The tags the suites carry.</param>
    /// <returns>The unknown tags.</returns>
    public static IReadOnlyList<string> Unknown(IEnumerable<string> requested, IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return [.. requested.Where(t => !known.Contains(t)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// How loud unknown tags are: all of them unknown is a mistake (a warning); some unknown is what VerifyUpdate's list
    /// of affected Applications gives whenever an update touches one no live test is about, such as the app of apps
    /// (a notice), while the other tags still select their tests.
    /// </summary>
    /// <param name="unknown">How many requested tags no test carries.</param>
    /// <param name="requested">How many distinct tags were requested.</param>
    /// <returns>The severity of the <c>test/unknown-tag</c> annotation.</returns>
    public static AnnotationSeverity Severity(int unknown, int requested) => unknown >= requested ? AnnotationSeverity.Warning : AnnotationSeverity.Notice;

    /// <summary>The note for tags that exist but leave no test of the tier.</summary>
    /// <param name="tags">The tags of <c>--tag</c>.</param>
    /// <param name="tier">The tier asked for (<c>all</c>, <c>offline</c>, <c>live</c>).</param>
    /// <returns>The one-line note.</returns>
    public static string NothingSelected(IEnumerable<string> tags, string tier) =>
        $"--tag {string.Join(' ', tags)}: no C# suite test of tier {tier} has any of these tags, so none ran; hint: the component tags are on live tests (--tier live)";

    /// <summary>The note for tags that select nothing: which ones, whether any test was left at all, and the tags there are.</summary>
    /// <param name="unknown">The requested tags no test carries.</param>
    /// <param name="requestedCount">How many tags were requested.</param>
    /// <param name="known">The tags the suites carry.</param>
    /// <returns>The one-line note.</returns>
    public static string Note(IReadOnlyList<string> unknown, int requestedCount, IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        ArgumentNullException.ThrowIfNull(known);
        var what = unknown.Count == requestedCount ? "so no C# suite test was selected" : "it selects nothing; the other tags still do";
        return $"--tag {string.Join(' ', unknown)}: no C# suite test has {(unknown.Count == 1 ? "this tag" : "these tags")}, {what}; hint: the tags are {string.Join(", ", known.Order(StringComparer.Ordinal))}";
    }
}
