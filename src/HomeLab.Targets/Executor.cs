namespace HomeLab.Targets;

/// <summary>
/// Runs a plan: sequentially by default, or every target whose predecessors are done at once (bounded),
/// never letting two holders of one exclusive resource overlap. Failure semantics follow NUKE: a failed
/// target stops the build unless it proceeds after failure, assured targets still run, the rest are not run.
/// </summary>
internal sealed class Executor(BuildOutput output, TimeProvider time)
{
    private readonly Dictionary<PlannedTarget, Outcome> outcomes = [];
    private readonly HashSet<string> heldResources = new(StringComparer.OrdinalIgnoreCase);
    private bool stopping;

    /// <param name="plan">The plan.</param>
    /// <param name="parallelism">1 runs sequentially; more runs that many targets at once at most.</param>
    /// <param name="cancel">Cancelled on the first Ctrl-C: running targets stop, assured clean-up targets still run.</param>
    /// <param name="abort">Cancelled on a second Ctrl-C: assured targets stop too.</param>
    public async Task<BuildReport> RunAsync(ExecutionPlan plan, int parallelism, CancellationToken cancel, CancellationToken abort)
    {
        var started = time.GetTimestamp();
        var pending = plan.Targets.ToList();
        var running = new Dictionary<Task<Outcome>, PlannedTarget>();
        parallelism = Math.Max(1, parallelism);

        while (pending.Count > 0 || running.Count > 0)
        {
            var progressed = true;
            while (progressed)
            {
                progressed = false;
                foreach (var target in pending.ToList())
                {
                    if (running.Count >= parallelism)
                    {
                        break;
                    }

                    if (!target.Predecessors.All(outcomes.ContainsKey))
                    {
                        continue;
                    }

                    var decided = Decide(target, cancel);
                    if (decided is not null)
                    {
                        outcomes[target] = decided;
                        pending.Remove(target);
                        progressed = true;
                        continue;
                    }

                    if (target.Target.Resources.Any(heldResources.Contains))
                    {
                        continue;
                    }

                    foreach (var resource in target.Target.Resources)
                    {
                        heldResources.Add(resource);
                    }

                    pending.Remove(target);
                    var token = target.Target.IsAssured ? abort : cancel;
                    running.Add(RunTargetAsync(target, token), target);
                    progressed = true;
                    if (parallelism == 1)
                    {
                        break;
                    }
                }
            }

            if (running.Count == 0)
            {
                if (pending.Count > 0)
                {
                    // Cannot happen with an acyclic plan; guard against a hang all the same.
                    throw new InvalidOperationException($"No target can start: {string.Join(", ", pending)}.");
                }

                break;
            }

            var finished = await Task.WhenAny(running.Keys).ConfigureAwait(false);
            var done = running[finished];
            running.Remove(finished);
            foreach (var resource in done.Target.Resources)
            {
                heldResources.Remove(resource);
            }

            var result = Qualify(done, await finished.ConfigureAwait(false), cancel);
            outcomes[done] = result;
            if (result.Status is TargetStatus.Failed && !done.Target.ProceedsAfterFailure)
            {
                stopping = true;
            }
        }

        var results = plan.Targets.Select(t => new TargetResult(t.Name, outcomes[t].Status, outcomes[t].Duration, outcomes[t].Notes)).ToList();
        var outcome = cancel.IsCancellationRequested
            ? BuildOutcome.Cancelled
            : results.Any(r => r.Status is TargetStatus.Failed or TargetStatus.Aborted) ? BuildOutcome.Failed : BuildOutcome.Succeeded;
        return new BuildReport(results, outcome, time.GetElapsedTime(started));
    }

    /// <summary>
    /// An assured target runs beneath a failure or after Ctrl-C (to report, to clean up), but when one of its dependencies
    /// failed, was cancelled or did not run, it did not succeed as a whole: its row says so instead of "Succeeded".
    /// </summary>
    private Outcome Qualify(PlannedTarget target, Outcome result, CancellationToken cancel)
    {
        if (!target.Target.IsAssured || result.Status is not (TargetStatus.Succeeded or TargetStatus.Collective))
        {
            return result;
        }

        var beneath = UnsuccessfulDependencies(target).Select(p => $"{p.Name} {Describe(outcomes[p].Status)}").ToList();
        if (beneath.Count == 0)
        {
            return result;
        }

        var note = $"dependency {string.Join(", ", beneath)} (ran anyway: assured after failure)";
        return result with { Status = cancel.IsCancellationRequested ? TargetStatus.Aborted : TargetStatus.Failed, Notes = [.. result.Notes, note] };
    }

    /// <summary>Decides a target's fate without running it, or returns null when it should run.</summary>
    private Outcome? Decide(PlannedTarget target, CancellationToken cancel)
    {
        if (target.SkipReason is not null)
        {
            return Outcome.Of(TargetStatus.Skipped, target.SkipReason);
        }

        // An assured target that consumes its dependencies' output (Validate and Lint over what Render left) runs
        // beneath a failure but not after Ctrl-C: the user asked the build to stop. Clean-up (ordered by After, it
        // depends on nothing) still runs.
        if (cancel.IsCancellationRequested && (!target.Target.IsAssured || target.Target.DependencyList.Count > 0))
        {
            return Outcome.Of(TargetStatus.NotRun, "build cancelled");
        }

        if (!target.Target.IsAssured)
        {
            if (stopping)
            {
                return Outcome.Of(TargetStatus.NotRun, "build stopped after a failure");
            }

            var failedDependency = UnsuccessfulDependencies(target).FirstOrDefault();
            if (failedDependency is not null)
            {
                return Outcome.Of(TargetStatus.NotRun, $"dependency {failedDependency.Name} {Describe(outcomes[failedDependency].Status)}");
            }
        }

        foreach (var condition in target.Target.Definition.DynamicConditions)
        {
            bool holds;
            try
            {
                holds = condition.Check();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return Outcome.Of(TargetStatus.Failed, $"condition '{condition.Reason}' threw {exception.GetType().Name}: {exception.Message}");
            }

            if (!holds)
            {
                return Outcome.Of(TargetStatus.Skipped, $"condition false: {condition.Reason}");
            }
        }

        return null;
    }

    private async Task<Outcome> RunTargetAsync(PlannedTarget target, CancellationToken token)
    {
        // Yield so that, in parallel mode, the scheduler starts every ready target before any body runs.
        await Task.Yield();
        var actions = target.Target.Definition.Actions;
        if (actions.Count == 0)
        {
            return Outcome.Of(TargetStatus.Collective);
        }

        output.TargetStarted(target.Name);
        var context = new TargetContext(target.Name, output);
        var started = time.GetTimestamp();
        var notes = new List<string>();
        TargetStatus status;
        try
        {
            foreach (var action in actions)
            {
                token.ThrowIfCancellationRequested();
                await action(context, token).ConfigureAwait(false);
            }

            status = context.ErrorCount > 0 ? TargetStatus.Failed : TargetStatus.Succeeded;
            if (context.ErrorCount > 0)
            {
                notes.Add($"{context.ErrorCount} error{(context.ErrorCount == 1 ? string.Empty : "s")}");
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            status = TargetStatus.Aborted;
            notes.Add("cancelled");
        }
        catch (TargetFailedException exception)
        {
            status = TargetStatus.Failed;
            output.Error($"{target.Name}: {exception.Message}");
            notes.Add(exception.Message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not a failure the target anticipated: show the whole exception, it is a bug or a crash.
            status = TargetStatus.Failed;
            output.Error($"{target.Name} threw {exception}");
            notes.Add($"{exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            output.TargetFinished();
        }

        return new Outcome(status, time.GetElapsedTime(started), [.. context.Notes, .. notes]);
    }

    /// <summary>The target's planned dependencies that failed, were cancelled or did not run.</summary>
    private IEnumerable<PlannedTarget> UnsuccessfulDependencies(PlannedTarget target) =>
        target.Predecessors.Where(p =>
            target.Target.DependencyList.Contains(p.Target) && outcomes[p].Status is TargetStatus.Failed or TargetStatus.Aborted or TargetStatus.NotRun);

    private static string Describe(TargetStatus status) => status switch
    {
        TargetStatus.Failed => "failed",
        TargetStatus.Aborted => "was cancelled",
        _ => "did not run",
    };

    private sealed record Outcome(TargetStatus Status, TimeSpan? Duration, IReadOnlyList<string> Notes)
    {
        public static Outcome Of(TargetStatus status, params string[] notes) => new(status, null, notes);
    }
}
