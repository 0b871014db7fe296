using System.Linq.Expressions;
using System.Runtime.InteropServices;

namespace HomeLab.Targets;

/// <summary>Runs a build: parses the command line, binds parameters, plans and executes, prints the summary.</summary>
public static class BuildRunner
{
    /// <summary>Exit code for a usage error (unknown target, bad parameter, cycle, missing requirement).</summary>
    public const int UsageErrorExitCode = 2;

    /// <summary>Runs a build as a console program: Ctrl-C cancels, a second Ctrl-C aborts assured targets too.</summary>
    /// <typeparam name="T">The build class.</typeparam>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="defaultTargets">What runs when no target is named.</param>
    /// <returns>The exit code.</returns>
    public static int RunConsole<T>(string[] args, params Expression<Func<T, Target>>[] defaultTargets)
        where T : BuildBase, new()
    {
        using var cancel = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (cancel.IsCancellationRequested)
            {
                abort.Cancel();
            }
            else
            {
                cancel.Cancel();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var masker = new SecretMasker();
        var stdout = Console.Out;
        var stderr = Console.Error;
        using var maskedOut = new MaskingTextWriter(stdout, masker);
        using var maskedError = new MaskingTextWriter(stderr, masker);
        Console.SetOut(maskedOut);
        Console.SetError(maskedError);
        try
        {
            var settings = new BuildRunSettings { Arguments = args, Output = maskedOut, Cancel = cancel.Token, Abort = abort.Token };
            return RunAsync(settings, masker, new T(), defaultTargets).GetAwaiter().GetResult();
        }
        finally
        {
            maskedOut.Flush();
            maskedError.Flush();
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    /// <summary>Runs a build with explicit settings (tests use this).</summary>
    /// <typeparam name="T">The build class.</typeparam>
    /// <param name="settings">Arguments, output, environment, clock and cancellation.</param>
    /// <param name="defaultTargets">What runs when no target is named.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync<T>(BuildRunSettings settings, params Expression<Func<T, Target>>[] defaultTargets)
        where T : BuildBase, new() => RunAsync(settings, new SecretMasker(), new T(), defaultTargets);

    /// <summary>Runs a build instance the caller created (tests use this to observe what ran).</summary>
    /// <typeparam name="T">The build class.</typeparam>
    /// <param name="settings">Arguments, output, environment, clock and cancellation.</param>
    /// <param name="build">The build instance; its initializers have run.</param>
    /// <param name="defaultTargets">What runs when no target is named.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync<T>(BuildRunSettings settings, T build, params Expression<Func<T, Target>>[] defaultTargets)
        where T : BuildBase => RunAsync(settings, new SecretMasker(), build, defaultTargets);

    private static async Task<int> RunAsync<T>(BuildRunSettings settings, SecretMasker masker, T build, Expression<Func<T, Target>>[] defaultTargets)
        where T : BuildBase
    {
        ArgumentNullException.ThrowIfNull(settings);
        var environment = settings.Environment ?? ReadEnvironment();
        BuildOutput? output = null;
        string? root = null;
        try
        {
            var parameters = ParameterBinder.Discover(build.GetType(), build.EnvironmentPrefix);
            var byName = parameters.ToDictionary(p => Names.Normalize(p.Name));
            var commandLine = CommandLine.Parse(
                settings.Arguments,
                name => byName.TryGetValue(name, out var parameter)
                    ? parameter.IsFlag ? CommandLine.OptionArity.Flag : parameter.IsCollection ? CommandLine.OptionArity.Many : CommandLine.OptionArity.One
                    : null,
                () => parameters.Select(p => Names.Kebab(p.Name)).Concat(CommandLine.BuiltIns.Values.Select(b => b.Name)).Distinct(),
                BuildModel.TargetNames(build.GetType()));

            root = commandLine.Values("root") is [var rootValue]
                ? Path.GetFullPath(rootValue, settings.WorkingDirectory)
                : FindRoot(settings.WorkingDirectory);
            if (!Directory.Exists(root))
            {
                throw new BuildUsageException($"--root '{root}' is not a directory.");
            }

            build.RootDirectory = AbsolutePath.FromAbsolute(root);
            build.Environment = environment;
            build.Time = settings.Time;
            ParameterBinder.Bind(build, parameters, commandLine, environment, root, commandLine.Values("profile") ?? [], masker);
            output = new BuildOutput(settings.Output, masker, build.Verbosity, root, environment);

            var model = BuildModel.Discover(build);
            build.Model = model;
            build.Parameters = parameters;
            // With --root the build checks another tree: nothing of ours is written into it.
            if (settings.WriteSchema && commandLine.Values("root") is null)
            {
                BuildSchema.WriteIfChanged(root, model, parameters);
            }

            if (build.Logo is { } logo && !IsSet(commandLine, "nologo") && !IsSet(commandLine, "list"))
            {
                output.Info(logo);
            }

            var defaults = defaultTargets.Select(selector => model.Get(TargetName(selector))).ToList();
            if (IsSet(commandLine, "help"))
            {
                HelpText.Write(output, model, parameters, defaults);
                return 0;
            }

            if (IsSet(commandLine, "list"))
            {
                foreach (var target in model.Targets.Where(t => t.IsListed))
                {
                    output.Always(target.Name);
                }

                return 0;
            }

            var names = commandLine.Targets.Concat(commandLine.Values("target") ?? []).ToList();
            var invoked = names.Count == 0 ? defaults : [.. names.Select(model.Get).Distinct()];
            if (invoked.Count == 0)
            {
                throw new BuildUsageException("No target was named and the build has no default target.");
            }

            build.InvokedTargets = invoked;
            var skip = commandLine.Values("skip") is { } skipped ? skipped.Select(model.Get).ToList() : null;
            var plan = Planner.Plan(model, invoked, skip);
            var parallelism = commandLine.Values("parallel") is { } parallel
                ? parallel.Count == 0 ? System.Environment.ProcessorCount : ParseParallelism(parallel[0])
                : 1;

            if (IsSet(commandLine, "plan"))
            {
                HelpText.WritePlan(output, plan, parallelism);
                var file = Path.Combine(root, ".nuke", "temp", "plan.md");
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.WriteAllTextAsync(file, plan.ToMermaid(), settings.Cancel).ConfigureAwait(false);
                output.Info($"Wrote the plan as a Mermaid graph to {Path.GetRelativePath(root, file).Replace('\\', '/')}.");
                return 0;
            }

            var missing = Requirements.Check(plan, parameters, environment);
            if (missing.Count > 0)
            {
                foreach (var message in missing)
                {
                    output.Error(message);
                }

                return UsageErrorExitCode;
            }

            var executor = new Executor(output, settings.Time);
            var report = await executor.RunAsync(plan, parallelism, settings.Cancel, settings.Abort).ConfigureAwait(false);
            output.Summary(report.Results, report.Duration, report.Outcome);
            return report.ExitCode;
        }
        catch (Exception exception) when (exception is BuildUsageException or TargetDefinitionException)
        {
            var writer = output ?? new BuildOutput(settings.Output, masker, Verbosity.Normal, root ?? settings.WorkingDirectory, environment);
            writer.Error(exception.Message);
            return UsageErrorExitCode;
        }
    }

    private static int ParseParallelism(string text) =>
        int.TryParse(text, out var count) && count > 0
            ? count
            : throw new BuildUsageException($"--parallel has a bad value '{text}': expected a whole number above 0.");

    private static bool IsSet(CommandLine commandLine, string name) =>
        commandLine.Values(name) is { } values && (values.Count == 0 || ParameterValues.Convert(typeof(bool), values, string.Empty, () => "--" + name) is true);

    private static string TargetName<T>(Expression<Func<T, Target>> selector) =>
        (selector.Body as MemberExpression)?.Member.Name
        ?? throw new TargetDefinitionException("A default target is given as x => x.Name.");

    /// <summary>The nearest directory at or above <paramref name="start"/> that has a <c>.nuke</c> directory.</summary>
    /// <param name="start">Where to start.</param>
    /// <returns>The root, or <paramref name="start"/> when none is found.</returns>
    public static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return directory.FullName;
            }
        }

        return Path.GetFullPath(start);
    }

    private static Dictionary<string, string> ReadEnvironment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return variables;
    }
}
