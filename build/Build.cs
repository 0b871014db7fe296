using System.Linq.Expressions;
using HomeLab.Pipeline.Assertions;
using HomeLab.Pipeline.Benchmarks;
using HomeLab.Pipeline.Charts;
using HomeLab.Pipeline.ClusterLifecycle;
using HomeLab.Pipeline.Deploy;
using HomeLab.Pipeline.Findings;
using HomeLab.Pipeline.Manifests;
using HomeLab.Pipeline.Schemas;
using HomeLab.Pipeline.SealedSecrets;
using HomeLab.Pipeline.Solution;
using HomeLab.Pipeline.Suites;
using HomeLab.Pipeline.Updates;
using HomeLab.Targets;
using HomeLab.Targets.Components;

/// <summary>
/// The homelab's pipeline: the components it is made of (each brings its targets and parameters, see
/// src/HomeLab.Pipeline) and this homelab's own values. No logic lives here.
/// </summary>
partial class Build : BuildBase,
    IVerifyManifests,   // Render, Validate, Lint
    IChartSources,      // SyncCharts, --chart-cache, --chart-mirror
    ISealedSecrets,     // Seal, FetchSealingCert, RotateTestKey, VerifySealedSecrets
    IStackTests,        // StackTests, Test
    IClusterLifecycle,  // ClusterUp, StackUp, ClusterDown
    IDeployProd,        // DeployGuard, DeployProd
    IVerifyUpdate,      // VerifyUpdate
    IAssert,            // Assert
    ISchemas,           // SyncSchemas
    ICompile,           // Compile, UnitTest
    IBenchmark,         // Benchmark
    IFormatCheck        // FormatCheck
{
    public static int Main() => Execute(Defaults);

    /// <summary>What runs when no target is named.</summary>
    internal static Expression<Func<Build, Target>>[] Defaults => [x => x.Verify];

    protected override string Logo => "HomeLab — homelab GitOps pipeline";

    /// <summary>Every finding of this run, shared by the targets that report them.</summary>
    public FindingLedger Findings { get; } = new();

    /// <summary>What Render produced in this run.</summary>
    public CheckedSets Rendered { get; } = new();

    /// <summary>How long each stage of ClusterUp and StackUp took in this run.</summary>
    public StageTimes ClusterStages { get; } = new();

    Target Verify => _ => _
        .Description("Checks everything offline: renders every environment, validates, lints, checks sealed secrets, runs the offline suites.")
        .DependsOn<IVerifyManifests>(x => x.Render, x => x.Validate, x => x.Lint)
        .DependsOn<ISealedSecrets>(x => x.VerifySealedSecrets)
        .DependsOn<IStackTests>(x => x.StackTests)
        .AssuredAfterFailure()
        .Executes(context => ((IVerifyManifests)this).ConcludeVerification(context));
}
