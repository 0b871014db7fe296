using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Reports;

/// <summary>Writes a <see cref="RunReport"/> as JUnit XML (one testcase per test, steps as output) or JSON (tests → steps → operations).</summary>
public static class ReportWriter
{
    /// <summary>Renders JUnit XML, as CI systems read it.</summary>
    /// <param name="report">The run.</param>
    /// <param name="suiteName">The test suite's name.</param>
    /// <returns>The XML text.</returns>
    public static string ToJUnit(RunReport report, string suiteName = "HomeLab.Assertions")
    {
        ArgumentNullException.ThrowIfNull(report);
        static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", suiteName),
            new XAttribute("tests", report.Tests.Count),
            new XAttribute("failures", report.Tests.Count(t => t.Status == ReportStatus.Failed)),
            new XAttribute("skipped", report.Tests.Count(t => t.Status == ReportStatus.Skipped)),
            new XAttribute("time", Seconds(report.Duration)));
        foreach (var test in report.Tests)
        {
            var testCase = new XElement(
                "testcase",
                new XAttribute("classname", suiteName),
                new XAttribute("name", test.Name),
                new XAttribute("time", Seconds(test.Duration)));
            if (test.Status == ReportStatus.Failed)
            {
                var failures = test.Failures.ToList();
                testCase.Add(new XElement("failure", new XAttribute("message", failures.FirstOrDefault() ?? "failed"), string.Join('\n', failures)));
            }
            else if (test.Status == ReportStatus.Skipped)
            {
                testCase.Add(new XElement("skipped", new XAttribute("message", test.SkipReason ?? "skipped")));
            }

            testCase.Add(new XElement("system-out", Narrate(test)));
            suite.Add(testCase);
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + new XElement("testsuites", suite);
    }

    /// <summary>Renders the JSON report: tests → steps → operations with status, duration (seconds) and errors.</summary>
    /// <param name="report">The run.</param>
    /// <returns>The JSON text, indented.</returns>
    public static string ToJson(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static JObject Operation(OperationReport o) => new()
        {
            ["kind"] = o.Kind.ToString(),
            ["phase"] = o.Phase.ToString(),
            ["description"] = o.Description,
            ["status"] = o.Status.ToString(),
            ["duration"] = o.Duration.TotalSeconds,
            ["errors"] = new JArray(o.Errors),
            ["output"] = o.Output,
        };
        var json = new JObject
        {
            ["passed"] = report.Passed,
            ["duration"] = report.Duration.TotalSeconds,
            ["tests"] = new JArray(report.Tests.Select(t => new JObject
            {
                ["name"] = t.Name,
                ["namespace"] = t.Namespace,
                ["status"] = t.Status.ToString(),
                ["duration"] = t.Duration.TotalSeconds,
                ["skipReason"] = t.SkipReason,
                ["steps"] = new JArray(t.Steps.Select(s => new JObject
                {
                    ["name"] = s.Name,
                    ["status"] = s.Status.ToString(),
                    ["duration"] = s.Duration.TotalSeconds,
                    ["operations"] = new JArray(s.Operations.Select(Operation)),
                })),
                ["cleanup"] = new JArray(t.Cleanup.Select(Operation)),
            })),
        };
        return json.ToString(Formatting.Indented);
    }

    /// <summary>Describes a test's steps and operations as text, one line each, with errors and output indented.</summary>
    /// <param name="test">The test.</param>
    /// <returns>The text.</returns>
    public static string Narrate(TestReport test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"test {test.Name} [{test.Namespace}]: {test.Status}\n");
        foreach (var step in test.Steps)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  step {step.Name}: {step.Status}\n");
            foreach (var op in step.Operations)
            {
                Line(builder, op);
            }
        }

        foreach (var op in test.Cleanup)
        {
            Line(builder, op);
        }

        return builder.ToString();

        static void Line(StringBuilder builder, OperationReport op)
        {
            builder.Append(CultureInfo.InvariantCulture, $"    {op.Phase.ToString().ToLowerInvariant()} {op.Description}: {op.Status} ({op.Duration.TotalSeconds:0.###}s)\n");
            foreach (var error in op.Errors)
            {
                builder.Append("      ").Append(error).Append('\n');
            }

            foreach (var line in op.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append("      | ").Append(line).Append('\n');
            }
        }
    }
}
