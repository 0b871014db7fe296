using HomeLab.Targets;

namespace HomeLab.Targets.Tests;

/// <summary>Test builds. Each records what ran in <see cref="Ran"/>.</summary>
internal abstract class RecordingBuild : BuildBase
{
    private readonly object gate = new();

    public List<string> Ran { get; } = [];

    protected void Record(string name)
    {
        lock (gate)
        {
            Ran.Add(name);
        }
    }
}

internal sealed class OrderBuild : RecordingBuild
{
    public Target Clean => _ => _.Executes(() => Record(nameof(Clean)));

    public Target Restore => _ => _.Executes(() => Record(nameof(Restore)));

    public Target Compile => _ => _.DependsOn(Restore).Executes(() => Record(nameof(Compile)));

    public Target Pack => _ => _.DependsOn(Compile).After(Clean).Executes(() => Record(nameof(Pack)));

    public Target Test => _ => _.DependsOn(Compile).Executes(() => Record(nameof(Test)));

    public Target Publish => _ => _.DependsOn(Pack, Test).Executes(() => Record(nameof(Publish)));

    public Target Announce => _ => _.TriggeredBy(Publish).Executes(() => Record(nameof(Announce)));

    public Target Lint => _ => _.DependentFor(Compile).Executes(() => Record(nameof(Lint)));

    public Target Docs => _ => _.Before(Restore).Executes(() => Record(nameof(Docs)));

    public Target Default => _ => _.DependsOn(Test);
}

internal sealed class CycleBuild : BuildBase
{
    public Target A => _ => _.DependsOn(B);

    public Target B => _ => _.DependsOn(C);

    public Target C => _ => _.After(A);
}
