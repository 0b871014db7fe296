namespace HomeLab.Targets;

/// <summary>Writes <c>--help</c> and <c>--plan</c>.</summary>
internal static class HelpText
{
    public static void Write(BuildOutput output, BuildModel model, IReadOnlyList<BuildParameter> parameters, IReadOnlyList<ExecutableTarget> defaults)
    {
        output.Always("Usage: ./build.sh [targets...] [options]");
        output.Always(string.Empty);
        output.Always("Targets (* runs when none is named):");
        var listed = model.Targets.Where(t => t.IsListed).ToList();
        var width = Math.Min(28, listed.Count == 0 ? 0 : listed.Max(t => t.Name.Length) + 2);
        foreach (var target in listed)
        {
            var name = defaults.Contains(target) ? target.Name + " *" : target.Name;
            output.Always($"  {name.PadRight(width)}  {target.Description}".TrimEnd());
            if (target.Dependencies.Count > 0)
            {
                output.Always($"  {string.Empty.PadRight(width)}  depends on: {string.Join(", ", target.Dependencies.Select(d => d.Name))}");
            }
        }

        output.Always(string.Empty);
        output.Always("Parameters (value, where it came from, and the one environment variable that sets it):");
        var rows = parameters.Select(p => (Name: $"{p.CommandLineName} <{ParameterValues.Describe(p.Type)}>", Parameter: p)).ToList();
        var parameterWidth = Math.Min(40, rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length) + 2);
        foreach (var (name, parameter) in rows)
        {
            output.Always($"  {name.PadRight(parameterWidth)}  {parameter.Description}".TrimEnd());
            var defaultText = parameter.DisplayValue(parameter.DefaultValue);
            var current = parameter.Source == "default"
                ? $"= {defaultText} (default)"
                : $"= {parameter.DisplayValue(parameter.Value)} (from the {parameter.Source}; default {defaultText})";
            output.Always($"  {string.Empty.PadRight(parameterWidth)}  {current} · env {parameter.EnvironmentVariable}");
        }

        output.Always(string.Empty);
        output.Always("Options:");
        foreach (var (_, (name, arity, help)) in CommandLine.BuiltIns.Where(b => b.Value.Help.Length > 0))
        {
            var usage = arity switch
            {
                CommandLine.OptionArity.One => $"--{name} <value>",
                CommandLine.OptionArity.Many => $"--{name} [names...]",
                CommandLine.OptionArity.OptionalNumber => $"--{name} [N]",
                _ => $"--{name}",
            };
            output.Always($"  {usage.PadRight(parameterWidth)}  {help}");
        }
    }

    public static void WritePlan(BuildOutput output, ExecutionPlan plan, int parallelism)
    {
        output.Always(parallelism == 1 ? "Plan (sequential):" : $"Plan (up to {parallelism} targets at once):");
        var width = plan.Targets.Count == 0 ? 0 : plan.Targets.Max(t => t.Name.Length) + 2;
        var number = 0;
        foreach (var target in plan.Targets)
        {
            number++;
            var after = target.Predecessors.Count == 0 ? string.Empty : $"after {string.Join(", ", target.Predecessors.Select(p => p.Name))}";
            var state = target.SkipReason is null ? after : $"skipped: {target.SkipReason}";
            var resources = target.Target.Resources.Count == 0 ? string.Empty : $" [exclusive: {string.Join(", ", target.Target.Resources)}]";
            output.Always($"  {number,2}. {target.Name.PadRight(width)}{state}{resources}".TrimEnd());
        }
    }
}
