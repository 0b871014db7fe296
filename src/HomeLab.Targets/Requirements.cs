namespace HomeLab.Targets;

/// <summary>Checks every planned target's <c>Requires</c> before anything runs, and says how to satisfy each.</summary>
internal static class Requirements
{
    public static List<string> Check(ExecutionPlan plan, IReadOnlyList<BuildParameter> parameters, IReadOnlyDictionary<string, string> environment)
    {
        var messages = new List<string>();
        foreach (var target in plan.Targets.Where(t => t.SkipReason is null))
        {
            foreach (var requirement in target.Target.Definition.Requirements)
            {
                bool holds;
                try
                {
                    holds = requirement.Check();
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    messages.Add($"Target {target.Name} requires {requirement.Text}, but checking it threw {exception.GetType().Name}: {exception.Message}");
                    continue;
                }

                if (holds)
                {
                    continue;
                }

                var parameter = requirement.Member is null ? null : parameters.FirstOrDefault(p => p.Member == requirement.Member);
                messages.Add(parameter is null
                    ? $"Target {target.Name} requires {requirement.Text}, which is false."
                    : $"Target {target.Name} requires parameter {parameter.CommandLineName}: set it with {parameter.CommandLineName} <{ParameterValues.Describe(parameter.Type)}>, "
                      + $"the environment variable {parameter.EnvironmentVariable}, or \"{parameter.Name}\" in .nuke/parameters.json.");
            }
        }

        return messages;
    }
}
