using System.Reflection;

namespace HomeLab.Targets;

/// <summary>The targets a build declares, found by reflection and with their relations resolved.</summary>
public sealed class BuildModel
{
    private readonly Dictionary<string, ExecutableTarget> byName;

    private BuildModel(object build, IReadOnlyList<ExecutableTarget> targets)
    {
        Build = build;
        Targets = targets;
        byName = targets.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The build instance.</summary>
    public object Build { get; }

    /// <summary>Every target, in declaration order.</summary>
    public IReadOnlyList<ExecutableTarget> Targets { get; }

    /// <summary>Finds targets on a build: its <see cref="Target"/> properties and those of the component interfaces it implements.</summary>
    /// <param name="build">The build instance.</param>
    /// <returns>The model.</returns>
    public static BuildModel Discover(object build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var found = TargetProperties(build.GetType()).Select(p => (p.Name, Target: (Target)p.Property.GetValue(build)!, p.Declaring)).ToList();

        var targets = new List<ExecutableTarget>();
        var byMethod = new Dictionary<MethodInfo, ExecutableTarget>();
        foreach (var (name, target, declaring) in found)
        {
            var definition = new TargetDefinition(build);
            try
            {
                target(definition);
            }
            catch (TargetDefinitionException exception)
            {
                throw new TargetDefinitionException($"Target {name}: {exception.Message}");
            }

            var executable = new ExecutableTarget(name, targets.Count, definition, declaring);
            targets.Add(executable);
            byMethod.TryAdd(target.Method, executable);
        }

        ExecutableTarget Resolve(ExecutableTarget owner, Target reference, string relation) =>
            byMethod.TryGetValue(reference.Method, out var resolved)
                ? resolved
                : throw new TargetDefinitionException(
                    $"Target {owner.Name} names a target in {relation} that is not a Target property of the build; declare it as 'Target Name => _ => _...'.");

        foreach (var target in targets)
        {
            var definition = target.Definition;
            foreach (var reference in definition.Dependencies)
            {
                AddOnce(target.DependencyList, Resolve(target, reference, "DependsOn"));
            }

            foreach (var reference in definition.Dependents)
            {
                AddOnce(Resolve(target, reference, "DependentFor").DependencyList, target);
            }

            foreach (var reference in definition.AfterTargets)
            {
                AddOnce(target.OrderedAfterList, Resolve(target, reference, "After"));
            }

            foreach (var reference in definition.BeforeTargets)
            {
                AddOnce(Resolve(target, reference, "Before").OrderedAfterList, target);
            }

            foreach (var reference in definition.TriggerTargets)
            {
                AddOnce(target.TriggeredList, Resolve(target, reference, "Triggers"));
            }

            foreach (var reference in definition.TriggeredByTargets)
            {
                AddOnce(Resolve(target, reference, "TriggeredBy").TriggeredList, target);
            }
        }

        foreach (var target in targets)
        {
            target.DependencyList.Sort((a, b) => a.Index.CompareTo(b.Index));
            target.OrderedAfterList.Sort((a, b) => a.Index.CompareTo(b.Index));
            target.TriggeredList.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        var model = new BuildModel(build, targets);
        model.ThrowOnCycle();
        return model;
    }

    /// <summary>The names of a build type's targets, in declaration order, without defining them (parameters are not bound yet).</summary>
    /// <param name="buildType">The build class.</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> TargetNames(Type buildType)
    {
        ArgumentNullException.ThrowIfNull(buildType);
        return [.. TargetProperties(buildType).Select(p => p.Name)];
    }

    /// <summary>Finds a target by name, ignoring case and dashes (<c>cluster-up</c> finds <c>ClusterUp</c>).</summary>
    /// <param name="name">The name typed.</param>
    /// <returns>The target, or null.</returns>
    public ExecutableTarget? Find(string name)
    {
        if (byName.TryGetValue(name, out var target))
        {
            return target;
        }

        var normalized = Names.Normalize(name);
        return Targets.FirstOrDefault(t => Names.Normalize(t.Name) == normalized);
    }

    /// <summary>Finds a target or fails with a "did you mean" hint.</summary>
    /// <param name="name">The name typed.</param>
    /// <returns>The target.</returns>
    /// <exception cref="BuildUsageException">No such target.</exception>
    public ExecutableTarget Get(string name)
    {
        var target = Find(name);
        if (target is not null)
        {
            return target;
        }

        var suggestion = Names.Closest(name, Targets.Where(t => t.IsListed).Select(t => t.Name));
        var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
        throw new BuildUsageException($"Unknown target '{name}'.{hint} Run with --list to see every target.");
    }

    private void ThrowOnCycle()
    {
        // Every edge that orders targets: dependencies, After/Before and triggers.
        var state = new Dictionary<ExecutableTarget, int>();
        var path = new List<ExecutableTarget>();

        void Visit(ExecutableTarget target)
        {
            state[target] = 1;
            path.Add(target);
            foreach (var before in Predecessors(target))
            {
                state.TryGetValue(before, out var seen);
                if (seen == 1)
                {
                    var start = path.IndexOf(before);
                    var cycle = path.Skip(start).Append(before).Select(t => t.Name);
                    throw new TargetDefinitionException($"Dependency cycle: {string.Join(" → ", cycle)} (each needs the next). Remove one of these relations.");
                }

                if (seen == 0)
                {
                    Visit(before);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[target] = 2;
        }

        foreach (var target in Targets)
        {
            if (!state.ContainsKey(target))
            {
                Visit(target);
            }
        }
    }

    /// <summary>The targets that must come before this one whenever both are planned.</summary>
    internal IEnumerable<ExecutableTarget> Predecessors(ExecutableTarget target) =>
        target.DependencyList
            .Concat(target.OrderedAfterList)
            .Concat(Targets.Where(t => t.TriggeredList.Contains(target)));

    // Target properties of the class hierarchy (base first, declaration order), then of component interfaces (stable order).
    private static List<(string Name, PropertyInfo Property, Type Declaring)> TargetProperties(Type type)
    {
        var found = new List<(string, PropertyInfo, Type)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hierarchy = new List<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            hierarchy.Insert(0, current);
        }

        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var declaring in hierarchy)
        {
            foreach (var property in declaring.GetProperties(flags).Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0).OrderBy(p => p.MetadataToken))
            {
                var name = property.Name[(property.Name.LastIndexOf('.') + 1)..];
                if (names.Add(name))
                {
                    found.Add((name, property, declaring));
                }
            }
        }

        foreach (var component in type.GetInterfaces().OrderBy(i => i.FullName, StringComparer.Ordinal))
        {
            foreach (var property in component.GetProperties().Where(p => p.PropertyType == typeof(Target)).OrderBy(p => p.MetadataToken))
            {
                if (names.Add(property.Name))
                {
                    found.Add((property.Name, property, component));
                }
            }
        }

        return found;
    }

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target))
        {
            list.Add(target);
        }
    }
}
