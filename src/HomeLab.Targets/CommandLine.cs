namespace HomeLab.Targets;

/// <summary>
/// The parsed command line: positional target names, then options. An option takes values up to the
/// next option; a flag takes a value only when it reads as true/false, so <c>--no-logo Test</c> works.
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
    public static CommandLine Parse(IReadOnlyList<string> args, Func<string, OptionArity?> arityOf, Func<IEnumerable<string>> knownNames)
    {
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

            switch (arity)
            {
                case OptionArity.Flag:
                    if (i + 1 < args.Count && ParameterValues.LooksLikeBool(args[i + 1]))
                    {
                        option.Values.Add(args[++i]);
                    }

                    break;
                case OptionArity.OptionalNumber:
                    if (i + 1 < args.Count && int.TryParse(args[i + 1], out _))
                    {
                        option.Values.Add(args[++i]);
                    }

                    break;
                case OptionArity.One:
                    if (i + 1 >= args.Count || IsOption(args[i + 1]))
                    {
                        throw new BuildUsageException($"Option '{arg}' needs a value.");
                    }

                    option.Values.Add(args[++i]);
                    break;
                default:
                    while (i + 1 < args.Count && !IsOption(args[i + 1]))
                    {
                        option.Values.Add(args[++i]);
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
