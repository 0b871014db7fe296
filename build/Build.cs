using System.Linq.Expressions;
using HomeLab.Targets;
using HomeLab.Targets.Components;

/// <summary>The homelab's pipeline: a list of targets; each concern lives in its own partial file.</summary>
partial class Build : BuildBase, IFormatCheck
{
    public static int Main() => Execute(Defaults);

    /// <summary>What runs when no target is named.</summary>
    internal static Expression<Func<Build, Target>>[] Defaults => [x => x.Verify];

    protected override string Logo => "HomeLab — homelab GitOps pipeline";

    Target Verify => _ => _
        .Description("Checks everything offline: renders every environment, validates, lints, checks sealed secrets, runs the offline suites.")
        .DependsOn(Render, Validate, Lint, VerifySealedSecrets, StackTests)
        .AssuredAfterFailure()
        .Executes(context =>
        {
            WriteReports();
            var findings = FindingCounts();
            if (reportedFindings.Any(f => f.Severity == HomeLab.Manifests.Findings.Severity.Error))
            {
                throw new TargetFailedException(findings);
            }

            context.AddNote(findings);
        });

    Target Compile => _ => _
        .Description("Builds the whole solution.")
        .Executes(ct => DotNet(ct, "build", Solution, "--nologo", "-v", "q"));

    Target UnitTest => _ => _
        .Description("Runs every test project (the command README names: dotnet test HomeLab.sln).")
        .DependsOn(Compile)
        .Executes(ct => DotNet(ct, "test", Solution, "--no-build", "--nologo"));

    AbsolutePath Solution => RootDirectory / "HomeLab.sln";
}
