using HomeLab.Assertions.Expressions;
using HomeLab.Assertions.Steps;
using HomeLab.Assertions.Trees;
using HomeLab.Tools;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Running;

/// <summary>Runs a command or script through the one process runner (HomeLab.Tools) and checks its exit code and output.</summary>
internal static class ProcessStep
{
    public static async Task<CheckOutcome> RunAsync(
        Operation operation, string ns, Bindings bindings, ExpressionContext context, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var (program, arguments) = operation.Kind == OperationKind.Script
            ? (new ExternalProgram("sh"), (IReadOnlyList<string>)["-c", operation.Script ?? string.Empty])
            : (new ExternalProgram(operation.Entrypoint ?? throw new InvalidOperationException("a command needs an entrypoint")), operation.Arguments);
        program = program.WithEnvironmentVariable("NAMESPACE", ns);
        foreach (var (name, value) in operation.Environment)
        {
            program = program.WithEnvironmentVariable(name, TreeCompiler.IsExpression(value)
                ? YamlJson.Display(JmesExpression.Parse(value[1..^1]).Evaluate(null, bindings, context))
                : value);
        }

        if (operation.WorkingDirectory is not null)
        {
            program = program.WithWorkingDirectory(operation.WorkingDirectory);
        }

        var result = await program.ExecuteAsync(arguments, cancellationToken).ConfigureAwait(false);
        var output = (result.StandardOutput + result.StandardError).TrimEnd();
        var error = result.ExitCode == 0 ? null : $"exit code {result.ExitCode}";
        var payload = new JObject
        {
            ["stdout"] = result.StandardOutput,
            ["stderr"] = result.StandardError,
            ["exitCode"] = result.ExitCode,
            ["error"] = error is null ? JValue.CreateNull() : new JValue(error),
        };
        var checkBindings = bindings
            .With("stdout", payload["stdout"])
            .With("stderr", payload["stderr"])
            .With("exitCode", payload["exitCode"])
            .With("error", payload["error"]);
        if (operation.Check is null)
        {
            return error is null ? Passed() : CheckOutcome.Fail($"{Name(operation)}: {error}", output);
        }

        var check = AssertionTree.From(operation.Check).Evaluate(payload, new EvaluationOptions { Bindings = checkBindings, Context = context });
        return check.IsMatch
            ? Passed()
            : new CheckOutcome(false, check.Errors.Select(e => $"{Name(operation)} check: {e}").ToList(), output);

        // Outputs see $stdout, $stderr, $exitCode and $error, with nothing as @.
        CheckOutcome Passed() => CheckOutcome.Pass(output) with { Outputs = [.. Templating.Outputs(operation.Outputs, null, checkBindings, context)] };
    }

    private static string Name(Operation operation) => operation.Kind == OperationKind.Script ? "script" : operation.Entrypoint ?? "command";
}
