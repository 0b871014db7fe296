using HomeLab.Assertions.Offline;
using HomeLab.Assertions.Steps;
using HomeLab.Pipeline.Findings;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Assertions;

/// <summary>A component: checks Chainsaw-format assertion files against resource files, offline.</summary>
public interface IAssert : IPipelineBuild
{
    /// <summary>Files of assertion trees to check.</summary>
    [Parameter("Assert: files of assertion trees (Chainsaw format) to check.")]
    AbsolutePath[] Assertion => TryGetValue(() => Assertion) ?? [];

    /// <summary>Resource files or directories the assertions are checked against.</summary>
    [Parameter("Assert: resource files or directories the assertions are checked against.")]
    AbsolutePath[] Resources => TryGetValue(() => Resources) ?? [];

    /// <summary>Whether any or all of several selected objects must match an assertion without a name.</summary>
    [Parameter("Assert: when an assertion without a name selects several objects, whether any or all must match.")]
    CandidateMatch Match => TryGetValue<CandidateMatch?>(() => Match) ?? CandidateMatch.Any;

    /// <summary>Checks assertion files against resource files.</summary>
    Target Assert => _ => _
        .Description("Checks assertion files against resource files offline, looking objects up by kind, namespace and name.")
        .Requires(() => Assertion)
        .Requires(() => Resources)
        .Executes(async (context, ct) =>
        {
            GivenPaths.RequireExisting(Assertion, "--assertion");
            GivenPaths.RequireExisting(Resources, "--resources");
            var findings = await OfflineAssertion.CheckAsync(Assertion.Select(a => a.Value), Resources.Select(r => r.Value), Match, ct);
            foreach (var finding in findings)
            {
                context.Report(FindingAnnotation.From(finding));
            }

            var problems = findings.Count(f => f.Severity == HomeLab.Manifests.Findings.Severity.Error);
            var skipped = findings.Count(f => f.RuleId == OfflineAssertion.SkippedRule);
            context.AddNote((problems == 0 ? "every assertion holds" : $"{problems} problems") + (skipped == 0 ? string.Empty : $", {skipped} Chainsaw test(s) skipped"));
        });
}
