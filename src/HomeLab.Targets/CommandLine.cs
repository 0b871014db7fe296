namespace HomeLab.Targets;

/// <summary>
/// The parsed command line: target names and options, in any order. An option's values never swallow a
/// target: a list of values ends at the next option or at a capitalised word that names a target
/// (<c>--environment k3d Render</c>), a flag takes a value only when it reads as true/false and
/// <c>--parallel</c> only a number, so <c>--no-logo Test</c> works; any other word after them is an error
/// that names the option.
/// </summary>
internal sealed class CommandLine
{
    /// <summary>Options the engine itself understands (not build parameters), by normalized name.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, OptionArity Arity, string Help)> BuiltIns =
        new Dictionary<string, (string, OptionArity, string)>
        {
            ["help"] = ("help", OptionArity.Flag, "Lists targets and parameters, with each value's source."),
            ["h"] = ("help", OptionArity.Flag, string.Empty),
            ["plan"] = ("plan", OptionArity.Flag, "Prints the ordered plan and writes it as a Mermaid graph; runs nothing."),
            ["list"] = ("list", OptionArity.Flag, "Lists target names, one a line."),
            ["target"] = ("target", OptionArity.Many, "Targets to run (the same as naming them first)."),
            ["skip"] = ("skip", OptionArity.Many, "Skips the named targets; alone, skips every target not invoked."),
            ["parallel"] = ("parallel", OptionArity.OptionalNumber, "Runs independent targets at once (at most N, default the core count)."),
            ["profile"] = ("profile", OptionArity.Many, "Adds .nuke/parameters.<profile>.json values, later profiles winning."),
            ["root"] = ("root", OptionArity.One, "The repository root (default: the nearest directory with .nuke)."),
            ["nologo"] = ("no-logo", OptionArity.Flag, "Does not print the logo."),
        };

    private readonly Dictionary<string, Option> options = [];

    private CommandLine()
    {
    }

    /// <summary>How many values an option takes.</summary>
    internal enum OptionArity
    {
        Flag,
        One,
        Many,
        OptionalNumber,
    }

    public List<string> Targets { get; } = [];

    public IReadOnlyDictionary<string, Option> Options => options;

    public bool Has(string normalizedName) => options.ContainsKey(normalizedName);

    public IReadOnlyList<string>? Values(string normalizedName) => options.TryGetValue(normalizedName, out var option) ? option.Values : null;

    /// <summary>Parses arguments; <paramref name="arityOf"/> knows the build's parameters by normalized name.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="arityOf">How many values a parameter takes, by normalized name; null for no such parameter.</param>
    /// <param name="knownNames">Every option's name, for "did you mean".</param>
    /// <param name="targetNames">The build's target names, so that values stop where a target is named.</param>
    public static CommandLine Parse(IReadOnlyList<string> args, Func<string, OptionArity?> arityOf, Func<IEnumerable<string>> knownNames, IReadOnlyCollection<string> targetNames)
    {
        var normalizedTargets = targetNames.Select(Names.Normalize).ToHashSet(StringComparer.Ordinal);

        // In a list of values, only a capitalised word is taken for a target, so `--tag test` stays a value.
        bool NamesTarget(string word) => word.Length > 0 && char.IsUpper(word[0]) && normalizedTargets.Contains(Names.Normalize(word));

        // After a flag or --parallel, a word that is no value for it must be a target, or a typo of one.
        bool MeantAsTarget(string word) => normalizedTargets.Contains(Names.Normalize(word)) || Names.Closest(word, targetNames) is not null;

        var line = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsOption(arg))
            {
                line.Targets.Add(arg);
                continue;
            }

            var name = arg.TrimStart('-');
            string? inline = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }

            var normalized = Names.Normalize(name);
            var arity = BuiltIns.TryGetValue(normalized, out var builtIn) ? builtIn.Arity : arityOf(normalized);
            if (arity is null)
            {
                var suggestion = Names.Closest(name, knownNames());
                var hint = suggestion is null ? " Run with --help to see every option." : $" Did you mean --{suggestion}?";
                throw new BuildUsageException($"Unknown option '{arg}'.{hint}");
            }

            if (builtIn.Name is { } canonical)
            {
                normalized = Names.Normalize(canonical);
            }

            if (!line.options.TryGetValue(normalized, out var option))
            {
                option = new Option("--" + name);
                line.options[normalized] = option;
            }

            if (inline is not null)
            {
                option.Values.Add(inline);
                continue;
            }

            var next = i + 1 < args.Count && !IsOption(args[i + 1]) ? args[i + 1] : null;
            switch (arity)
            {
                case OptionArity.Flag:
                    if (next is not null && ParameterValues.LooksLikeBool(next))
                    {
                        option.Values.Add(args[++i]);
                    }
                    else if (next is not null && !MeantAsTarget(next))
                    {
                        throw new BuildUsageException(
                            $"Option '{arg}' is a switch: '{next}' is neither true nor false, and no target has that name. Write {arg} alone, or {arg}=false.");
                    }

                    break;
                case OptionArity.OptionalNumber:
                    if (next is not null && int.TryParse(next, out _))
                    {
                        option.Values.Add(args[++i]);
                    }
                    else if (next is not null && !MeantAsTarget(next))
                    {
                        throw new BuildUsageException(
                            $"Option '{arg}' takes a number (how many targets at once), not '{next}', and no target has that name. Write {arg} alone for one per core.");
                    }

                    break;
                case OptionArity.One:
                    if (next is null)
                    {
                        throw new BuildUsageException($"Option '{arg}' needs a value.");
                    }

                    option.Values.Add(args[++i]);
                    break;
                default:
                    // --skip and --target take target names; every other list ends where a target is named.
                    var takesTargets = normalized is "skip" or "target";
                    var before = option.Values.Count;
                    while (i + 1 < args.Count && !IsOption(args[i + 1]) && (takesTargets || !NamesTarget(args[i + 1])))
                    {
                        option.Values.Add(args[++i]);
                    }

                    if (option.Values.Count == before && normalized != "skip")
                    {
                        var where = next is null ? string.Empty : $" before the target '{next}'";
                        throw new BuildUsageException($"Option '{arg}' needs at least one value{where}.");
                    }

                    break;
            }
        }

        return line;
    }

    private static bool IsOption(string arg) =>
        arg.Length > 1 && arg[0] == '-' && !(char.IsDigit(arg[1]) || (arg[1] == '.' && arg.Length > 2));

    /// <summary>An option as given: its spelling and values (repeated options accumulate).</summary>
    internal sealed record Option(string Spelling)
    {
        public List<string> Values { get; } = [];
    }
}
