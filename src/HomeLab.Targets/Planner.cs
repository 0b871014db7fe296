namespace HomeLab.Targets;

/// <summary>
/// Turns invoked targets into an ordered plan: dependencies and triggers added, skips and static conditions
/// applied, and a topological order whose ties are broken by declaration order, so the same invocation
/// always yields the same plan.
/// </summary>
public static class Planner
{
    /// <summary>Plans a build.</summary>
    /// <param name="model">The build's targets.</param>
    /// <param name="invoked">The invoked targets, in the order given.</param>
    /// <param name="skip">Null: skip nothing; empty: skip every target that was not invoked; otherwise the targets to skip.</param>
    /// <returns>The plan.</returns>
    public static ExecutionPlan Plan(BuildModel model, IReadOnlyList<ExecutableTarget> invoked, IReadOnlyList<ExecutableTarget>? skip = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(invoked);

        // 1. Everything the invoked targets pull in: dependencies and triggered targets.
        var members = new HashSet<ExecutableTarget>();
        var queue = new Queue<ExecutableTarget>(invoked);
        while (queue.TryDequeue(out var target))
        {
            if (!members.Add(target))
            {
                continue;
            }

            foreach (var next in target.DependencyList.Concat(target.TriggeredList))
            {
                queue.Enqueue(next);
            }
        }

        var planned = members.OrderBy(t => t.Index).ToDictionary(t => t, t => new PlannedTarget(t, invoked.Contains(t)));

        // 2. Skips: --skip first, then static conditions.
        foreach (var target in planned.Values)
        {
            if (skip is not null && (skip.Count == 0 ? !target.IsInvoked : skip.Contains(target.Target)))
            {
                target.SkipReason = "skipped by --skip";
                continue;
            }

            foreach (var condition in target.Target.Definition.StaticConditions)
            {
                if (!Evaluate(target.Target, condition))
                {
                    target.SkipReason = $"condition false: {condition.Reason}";
                    break;
                }
            }
        }

        // 3. A skipped target with WhenSkipped(Skip) takes down the dependencies nothing else needs.
        var needed = new HashSet<ExecutableTarget>();
        var walk = new Stack<ExecutableTarget>(invoked);
        while (walk.TryPop(out var target))
        {
            if (!needed.Add(target))
            {
                continue;
            }

            var plannedTarget = planned[target];
            if (plannedTarget.SkipReason is not null && target.Definition.SkipBehavior == DependencyBehavior.Skip)
            {
                continue;
            }

            foreach (var next in target.DependencyList.Concat(plannedTarget.SkipReason is null ? target.TriggeredList : []))
            {
                walk.Push(next);
            }
        }

        foreach (var target in planned.Values.Where(t => t.SkipReason is null && !needed.Contains(t.Target)))
        {
            var because = planned.Values.Where(p => p.SkipReason is not null && p.Target.DependencyList.Concat(p.Target.TriggeredList).Contains(target.Target)).Select(p => p.Name);
            target.SkipReason = $"only needed by skipped {string.Join(", ", because)}";
        }

        // 4. Order: Kahn's algorithm, always taking the earliest-declared target that is ready.
        foreach (var target in planned.Values)
        {
            target.Predecessors = [.. model.Predecessors(target.Target).Distinct().Where(planned.ContainsKey).OrderBy(t => t.Index).Select(t => planned[t])];
        }

        var remaining = planned.Values.ToDictionary(t => t, t => t.Predecessors.Count);
        var successors = planned.Values.ToDictionary(t => t, _ => new List<PlannedTarget>());
        foreach (var target in planned.Values)
        {
            foreach (var before in target.Predecessors)
            {
                successors[before].Add(target);
            }
        }

        var ready = new PriorityQueue<PlannedTarget, int>();
        foreach (var (target, count) in remaining)
        {
            if (count == 0)
            {
                ready.Enqueue(target, target.Target.Index);
            }
        }

        var ordered = new List<PlannedTarget>(planned.Count);
        while (ready.TryDequeue(out var next, out _))
        {
            ordered.Add(next);
            foreach (var after in successors[next])
            {
                if (--remaining[after] == 0)
                {
                    ready.Enqueue(after, after.Target.Index);
                }
            }
        }

        return new ExecutionPlan(ordered);
    }

    private static bool Evaluate(ExecutableTarget target, TargetDefinition.Condition condition)
    {
        try
        {
            return condition.Check();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new TargetDefinitionException($"Target {target.Name}: the condition '{condition.Reason}' threw {exception.GetType().Name}: {exception.Message}");
        }
    }
}
