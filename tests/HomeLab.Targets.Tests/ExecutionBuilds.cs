using HomeLab.Targets;

namespace HomeLab.Targets.Tests;

internal sealed class FailureBuild : RecordingBuild
{
    public bool FailCompile { get; set; } = true;

    public bool ProceedOnLint { get; set; }

    public Target Restore => _ => _.Executes(() => Record(nameof(Restore)));

    public Target Compile => _ => _.DependsOn(Restore).Executes(() =>
    {
        Record(nameof(Compile));
        if (FailCompile)
        {
            throw new TargetFailedException("3 errors in Program.cs");
        }
    });

    public Target Lint => _ => _.ProceedAfterFailure().Executes(() =>
    {
        Record(nameof(Lint));
        throw new TargetFailedException("style");
    });

    public Target Docs => _ => _.Executes(() => Record(nameof(Docs)));

    public Target Test => _ => _.DependsOn(Compile).Executes(() => Record(nameof(Test)));

    public Target Cleanup => _ => _.AssuredAfterFailure().After(Test, Docs).Executes(() => Record(nameof(Cleanup)));

    public Target Reporting => _ => _.Executes(context =>
    {
        Record(nameof(Reporting));
        context.Report(new BuildAnnotation(AnnotationSeverity.Warning, "looks odd", "a.yaml", 3, 1, "rule/odd"));
        context.Report(new BuildAnnotation(AnnotationSeverity.Error, "is wrong", "a.yaml", 7, 5, "rule/wrong"));
        context.AddNote("2 findings");
    });

    public Target Crash => _ => _.Executes(() => throw new InvalidOperationException("bug in the target"));
}

internal sealed class ConditionBuild : RecordingBuild
{
    public bool Enabled { get; set; }

    public bool LateEnabled { get; set; }

    public DependencyBehavior Behavior { get; set; } = DependencyBehavior.Execute;

    public Target Prepare => _ => _.Executes(() =>
    {
        Record(nameof(Prepare));
        LateEnabled = false;
    });

    public Target Shared => _ => _.Executes(() => Record(nameof(Shared)));

    public Target Deploy => _ => _
        .DependsOn(Prepare, Shared)
        .OnlyWhenStatic(() => Enabled)
        .WhenSkipped(Behavior)
        .Executes(() => Record(nameof(Deploy)));

    public Target Late => _ => _
        .DependsOn(Prepare)
        .OnlyWhenDynamic(() => LateEnabled, "the cluster is not reachable")
        .Executes(() => Record(nameof(Late)));

    public Target Report => _ => _.DependsOn(Shared).Executes(() => Record(nameof(Report)));

    public Target All => _ => _.DependsOn(Deploy, Report);
}

internal sealed class AsyncBuild : RecordingBuild
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationTokenSource? CancelOnStart { get; set; }

    public Target Wait => _ => _.Executes(async cancellationToken =>
    {
        Record("Wait:start");
        Started.TrySetResult();
        CancelOnStart?.Cancel();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        Record("Wait:end");
    });

    public Target Slow => _ => _.Executes(async () =>
    {
        await Task.Yield();
        await Task.Delay(5);
        Record(nameof(Slow));
    });

    public Target After => _ => _.DependsOn(Wait).Executes(() => Record(nameof(After)));

    public Target Teardown => _ => _.AssuredAfterFailure().After(Wait, After).Executes(async cancellationToken =>
    {
        await Task.Yield();
        cancellationToken.IsCancellationRequested.Should().BeFalse("assured targets get a token the first Ctrl-C does not cancel");
        Record(nameof(Teardown));
    });
}

/// <summary>The shape of the homelab's Verify: an assured aggregate over targets that proceed after failure.</summary>
internal sealed class AggregateBuild : RecordingBuild
{
    public bool FailRender { get; set; } = true;

    public CancellationTokenSource? CancelInRender { get; set; }

    public Target Render => _ => _.ProceedAfterFailure().Executes(async cancellationToken =>
    {
        Record(nameof(Render));
        if (CancelInRender is { } cancel)
        {
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (FailRender)
        {
            throw new TargetFailedException("chart not found");
        }
    });

    public Target Validate => _ => _.DependsOn(Render).ProceedAfterFailure().Executes(() => Record(nameof(Validate)));

    public CancellationTokenSource? CancelInDocs { get; set; }

    public Target Docs => _ => _.DependsOn(Render).Before(Lint).Executes(async cancellationToken =>
    {
        Record(nameof(Docs));
        if (CancelInDocs is { } cancel)
        {
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    });

    public Target Lint => _ => _.DependsOn(Render).ProceedAfterFailure().AssuredAfterFailure().Executes(() => Record(nameof(Lint)));

    public Target Cleanup => _ => _.AssuredAfterFailure().After(Render, Lint).Executes(() => Record(nameof(Cleanup)));

    public Target Verify => _ => _.DependsOn(Render, Validate).AssuredAfterFailure().Executes(context =>
    {
        Record(nameof(Verify));
        context.AddNote("0 errors");
    });
}
