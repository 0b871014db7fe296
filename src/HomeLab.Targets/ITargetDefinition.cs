using System.Linq.Expressions;

namespace HomeLab.Targets;

/// <summary>The fluent definition of a target; every method returns the same definition for chaining.</summary>
public interface ITargetDefinition
{
    /// <summary>Describes the target in <c>--help</c> and the schema.</summary>
    /// <param name="description">One line that says what the target does.</param>
    ITargetDefinition Description(string description);

    /// <summary>Targets that must run (and succeed) before this one; they are added to the plan.</summary>
    /// <param name="targets">The dependencies.</param>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Depends on targets of a component interface the build implements.</summary>
    /// <typeparam name="TComponent">The component interface.</typeparam>
    /// <param name="targets">Selectors of the component's targets.</param>
    ITargetDefinition DependsOn<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : class;

    /// <summary>Makes the given targets depend on this one (the reverse of <see cref="DependsOn(Target[])"/>).</summary>
    /// <param name="targets">Targets that need this one.</param>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Runs after the given targets when they are in the plan, without adding them.</summary>
    /// <param name="targets">Targets to order before this one.</param>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Runs before the given targets when they are in the plan, without adding them.</summary>
    /// <param name="targets">Targets to order after this one.</param>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Adds the given targets to the plan, to run after this one.</summary>
    /// <param name="targets">Targets this one triggers.</param>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>Adds this target to the plan, after any of the given targets that is in it.</summary>
    /// <param name="targets">Targets that trigger this one.</param>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Skips the target when the condition is false, decided before anything runs.</summary>
    /// <param name="condition">The condition; its text is the skip reason unless one is given.</param>
    /// <param name="reason">The skip reason shown in the summary.</param>
    ITargetDefinition OnlyWhenStatic(Expression<Func<bool>> condition, string? reason = null);

    /// <summary>Skips the target when the condition is false, decided right before it would run.</summary>
    /// <param name="condition">The condition; its text is the skip reason unless one is given.</param>
    /// <param name="reason">The skip reason shown in the summary.</param>
    ITargetDefinition OnlyWhenDynamic(Expression<Func<bool>> condition, string? reason = null);

    /// <summary>Says whether skipping this target also skips dependencies that nothing else needs.</summary>
    /// <param name="behavior">The behaviour.</param>
    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>Requires a parameter to have a value; checked before anything runs.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="parameter">The parameter, as <c>() =&gt; Name</c>.</param>
    ITargetDefinition Requires<T>(Expression<Func<T>> parameter);

    /// <summary>Requires a condition to hold; checked before anything runs.</summary>
    /// <param name="condition">The condition; its text is shown when it fails.</param>
    ITargetDefinition Requires(Expression<Func<bool>> condition);

    /// <summary>Lets the build go on with targets that do not need this one when it fails.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>
    /// Runs even after an earlier target or one of its own dependencies failed (clean-up, reports, checks over what
    /// did get made); its summary row then says so (Failed) instead of Succeeded, even though its actions ran. After
    /// Ctrl-C only a clean-up target runs (one without <c>DependsOn</c>, ordered by <c>After</c>): a target that consumes
    /// its dependencies' output is not run once the build was cancelled.
    /// </summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides the target from <c>--help</c> and <c>--list</c>; it can still be invoked.</summary>
    ITargetDefinition Unlisted();

    /// <summary>Declares artifacts the target produces (globs relative to the root), for CI generation.</summary>
    /// <param name="globs">The artifact globs.</param>
    ITargetDefinition Produces(params string[] globs);

    /// <summary>Declares exclusive resources: two targets holding the same one never run at the same time.</summary>
    /// <param name="resources">Resource names, for example <c>cluster</c>.</param>
    ITargetDefinition Exclusive(params string[] resources);

    /// <summary>Adds a synchronous action.</summary>
    /// <param name="action">The action.</param>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an asynchronous action; it is always awaited.</summary>
    /// <param name="action">The action.</param>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds an asynchronous action that observes cancellation (Ctrl-C).</summary>
    /// <param name="action">The action.</param>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);

    /// <summary>Adds an asynchronous action with the target's context (findings, notes) and cancellation.</summary>
    /// <param name="action">The action.</param>
    ITargetDefinition Executes(Func<TargetContext, CancellationToken, Task> action);

    /// <summary>Adds a synchronous action with the target's context (findings, notes).</summary>
    /// <param name="action">The action.</param>
    ITargetDefinition Executes(Action<TargetContext> action);
}
