namespace HomeLab.Pipeline.Benchmarks;

/// <summary>What the Benchmark target can measure.</summary>
public enum BenchmarkKind
{
    /// <summary>./build.sh --help with nothing changed, beside dotnet run of the same build.</summary>
    Bootstrap,

    /// <summary>Load, validation and lint throughput over a generated corpus, and Verify's wall time on this repository.</summary>
    Manifests,

    /// <summary>Assertion tree evaluations per second on one core.</summary>
    Assertions,

    /// <summary>Validate + Lint of a real-shaped corpus (large objects, CRDs, dashboards) beside libyaml's event-only parse of the same files, and peak memory.</summary>
    RealShaped,

    /// <summary>./build.sh (Verify) on this repository: no change (warm), cold, one values file changed; medians with the stage breakdown.</summary>
    BuildScript,

    /// <summary>VerifyUpdate on a one-chart bump of this repository with a warm chart cache.</summary>
    Update,
}
