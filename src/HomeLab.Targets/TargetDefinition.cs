using System.Linq.Expressions;

namespace HomeLab.Targets;

/// <summary>What a target's declaration said, collected by invoking its <see cref="Target"/> delegate.</summary>
internal sealed class TargetDefinition(object build) : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Target> Dependencies { get; } = [];
    public List<Target> Dependents { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggerTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Condition> StaticConditions { get; } = [];
    public List<Condition> DynamicConditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public DependencyBehavior SkipBehavior { get; private set; } = DependencyBehavior.Execute;
    public bool Proceeds { get; private set; }
    public bool Assured { get; private set; }
    public bool IsUnlisted { get; private set; }
    public List<string> Artifacts { get; } = [];
    public List<string> Resources { get; } = [];
    public List<Func<TargetContext, CancellationToken, Task>> Actions { get; } = [];

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(Dependencies, targets);

    public ITargetDefinition DependsOn<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : class
    {
        if (build is not TComponent component)
        {
            throw new TargetDefinitionException(
                $"DependsOn<{typeof(TComponent).Name}> names a component the build does not implement; add it to the build's interfaces.");
        }

        return Add(Dependencies, [.. targets.Select(select => select(component))]);
    }

    public ITargetDefinition DependentFor(params Target[] targets) => Add(Dependents, targets);

    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);

    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);

    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggerTargets, targets);

    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(Expression<Func<bool>> condition, string? reason = null)
    {
        StaticConditions.Add(Condition.Lazy(condition, reason));
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(Expression<Func<bool>> condition, string? reason = null)
    {
        DynamicConditions.Add(Condition.Lazy(condition, reason));
        return this;
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior)
    {
        SkipBehavior = behavior;
        return this;
    }

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameter)
    {
        var member = (parameter.Body as MemberExpression)?.Member
            ?? throw new TargetDefinitionException(
                $"Requires(() => {ExpressionText.Of(parameter.Body)}) must name a parameter member; use Requires(() => condition) for a condition.");
        var getter = new Lazy<Func<T>>(parameter.Compile);
        Requirements.Add(new Requirement(() => member.Name, member, () => HasValue(getter.Value())));
        return this;
    }

    public ITargetDefinition Requires(Expression<Func<bool>> condition)
    {
        var check = new Lazy<Func<bool>>(condition.Compile);
        Requirements.Add(new Requirement(() => ExpressionText.Of(condition.Body), null, () => check.Value()));
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        Proceeds = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        Assured = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition Produces(params string[] globs)
    {
        Artifacts.AddRange(globs);
        return this;
    }

    public ITargetDefinition Exclusive(params string[] resources)
    {
        Resources.AddRange(resources);
        return this;
    }

    public ITargetDefinition Executes(Action action) => AddAction((_, _) =>
    {
        action();
        return Task.CompletedTask;
    });

    public ITargetDefinition Executes(Func<Task> action) => AddAction((_, _) => action());

    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => AddAction((_, token) => action(token));

    public ITargetDefinition Executes(Func<TargetContext, CancellationToken, Task> action) => AddAction(action);

    public ITargetDefinition Executes(Action<TargetContext> action) => AddAction((context, _) =>
    {
        action(context);
        return Task.CompletedTask;
    });

    private TargetDefinition AddAction(Func<TargetContext, CancellationToken, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    private TargetDefinition Add(List<Target> list, Target[] targets)
    {
        list.AddRange(targets);
        return this;
    }

    private static bool HasValue(object? value) => value switch
    {
        null => false,
        string text => text.Length > 0,
        System.Collections.ICollection collection => collection.Count > 0,
        _ => true,
    };

    /// <summary>A condition; compiled and described only when the plan needs it, so start-up stays fast.</summary>
    internal sealed class Condition(Func<bool> check, Func<string> reason)
    {
        private readonly Lazy<string> text = new(reason);

        public string Reason => text.Value;

        public bool Check() => check();

        public static Condition Lazy(Expression<Func<bool>> condition, string? reason)
        {
            var compiled = new Lazy<Func<bool>>(condition.Compile);
            return new Condition(() => compiled.Value(), () => reason ?? ExpressionText.Of(condition.Body));
        }
    }

    internal sealed class Requirement(Func<string> text, System.Reflection.MemberInfo? member, Func<bool> check)
    {
        private readonly Lazy<string> description = new(text);

        public string Text => description.Value;

        public System.Reflection.MemberInfo? Member => member;

        public bool Check() => check();
    }
}
