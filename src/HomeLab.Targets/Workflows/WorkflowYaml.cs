using System.Globalization;
using System.Text;

namespace HomeLab.Targets.Workflows;

/// <summary>Writes a workflow as YAML: fixed key order, two-space indent, <c>\n</c> line ends, so the bytes depend only on the model.</summary>
internal sealed class WorkflowYaml
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~" };
    private readonly StringBuilder text = new();

    public static string Write(Workflow workflow, string header)
    {
        var yaml = new WorkflowYaml();
        foreach (var line in header.Split('\n'))
        {
            yaml.Line(0, line.Length == 0 ? "#" : "# " + line);
        }

        yaml.Line(0, $"name: {Scalar(workflow.Name)}");
        yaml.WriteTriggers(workflow.On);
        yaml.Line(0, "permissions: {}");
        if (workflow.ConcurrencyGroup is { } group)
        {
            yaml.Line(0, "concurrency:");
            yaml.Line(1, $"group: {Scalar(group)}");
            yaml.Line(1, $"cancel-in-progress: {Scalar(workflow.CancelInProgress, plainReserved: true)}");
        }

        yaml.Map(0, "env", workflow.Environment);
        yaml.Line(0, "jobs:");
        foreach (var job in workflow.Jobs)
        {
            yaml.WriteJob(job);
        }

        return yaml.text.ToString();
    }

    /// <summary>A scalar as plain text when YAML reads it back as that same string, otherwise single-quoted.</summary>
    internal static string Scalar(string value, bool plainReserved = false)
    {
        var plain = value.Length > 0
            && !value.Contains('\n', StringComparison.Ordinal)
            && "-?:,[]{}#&*!|>'\"%@` ".IndexOf(value[0], StringComparison.Ordinal) < 0
            && !value.Contains(": ", StringComparison.Ordinal)
            && !value.Contains(" #", StringComparison.Ordinal)
            && !value.EndsWith(':') && !value.EndsWith(' ')
            && (plainReserved || !Reserved.Contains(value))
            && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return plain ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private void WriteTriggers(WorkflowTriggers on)
    {
        Line(0, "on:");
        Event("pull_request", on.PullRequest);
        Event("push", on.Push);
        if (on.Schedules.Count > 0)
        {
            Line(1, "schedule:");
            foreach (var cron in on.Schedules)
            {
                Line(2, $"- cron: {Scalar(cron)}");
            }
        }

        if (on.Manual)
        {
            Line(1, "workflow_dispatch:");
        }
    }

    private void Event(string name, WorkflowEvent? trigger)
    {
        if (trigger is null)
        {
            return;
        }

        Line(1, $"{name}:");
        List(2, "branches", trigger.Branches);
        List(2, "paths", trigger.Paths);
    }

    private void WriteJob(WorkflowJob job)
    {
        Line(1, $"{job.Id}:");
        Line(2, $"name: {Scalar(job.Name)}");
        Line(2, $"runs-on: {Scalar(job.RunsOn)}");
        Line(2, $"timeout-minutes: {job.TimeoutMinutes.ToString(CultureInfo.InvariantCulture)}");
        if (job.Permissions.Count == 0)
        {
            Line(2, "permissions: {}");
        }
        else
        {
            Map(2, "permissions", job.Permissions);
        }

        List(2, "needs", job.Needs);
        if (job.Condition is { } condition)
        {
            Line(2, $"if: {Scalar(condition)}");
        }

        Map(2, "outputs", job.Outputs);
        Line(2, "steps:");
        foreach (var step in job.Steps)
        {
            Line(3, $"- name: {Scalar(step.Name)}");
            if (step.Id is { } id)
            {
                Line(4, $"id: {Scalar(id)}");
            }

            if (step.Condition is { } stepCondition)
            {
                Line(4, $"if: {Scalar(stepCondition)}");
            }

            if (step.Action is { } action)
            {
                Line(4, $"uses: {action.Uses} # {action.Version}");
            }

            Map(4, "with", step.Inputs);
            Map(4, "env", step.Environment);
            if (step.Build is { } build)
            {
                Line(4, $"run: {Scalar(build.CommandLine)}");
            }
        }
    }

    private void List(int level, string key, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        Line(level, $"{key}:");
        foreach (var item in items)
        {
            Line(level + 1, $"- {Scalar(item)}");
        }
    }

    private void Map(int level, string key, IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        Line(level, $"{key}:");
        foreach (var (name, value) in entries)
        {
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                Line(level + 1, $"{name}: |");
                foreach (var line in value.Split('\n'))
                {
                    Line(level + 2, line);
                }
            }
            else
            {
                Line(level + 1, $"{name}: {Scalar(value)}");
            }
        }
    }

    private void Line(int level, string content) => text.Append(' ', level * 2).Append(content).Append('\n');
}
