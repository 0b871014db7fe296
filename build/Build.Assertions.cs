using HomeLab.Assertions.Offline;
using HomeLab.Assertions.Steps;
using HomeLab.Targets;

/// <summary>Chainsaw-style assertions: offline against manifests, live against a cluster.</summary>
partial class Build
{
    [Parameter("Assert: files of assertion trees (Chainsaw format) to check.")]
    readonly AbsolutePath[] Assertion = [];

    [Parameter("Assert: resource files or directories the assertions are checked against.")]
    readonly AbsolutePath[] Resources = [];

    [Parameter("Assert: when an assertion without a name selects several objects, whether any or all must match.")]
    readonly CandidateMatch Match = CandidateMatch.Any;

    Target Assert => _ => _
        .Description("Checks assertion files against resource files offline, looking objects up by kind, namespace and name.")
        .Requires(() => Assertion)
        .Requires(() => Resources)
        .Executes(async (context, ct) =>
        {
            RequireExisting(Assertion.Select(a => a.Value), "--assertion");
            RequireExisting(Resources.Select(r => r.Value), "--resources");
            var findings = await OfflineAssertion.CheckAsync(Assertion.Select(a => a.Value), Resources.Select(r => r.Value), Match, ct);
            Report(context, findings);
            context.AddNote(findings.Count == 0 ? "every assertion holds" : $"{findings.Count} problems");
        });
}
