using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HomeLab.Targets;

/// <summary>
/// Finds a build's parameters and sets each from, in order: the command line, its one environment variable
/// (the build's prefix and the parameter's name, <c>HOMELAB_KUBERNETES_VERSION</c>, or the exact name its
/// attribute declares), <c>.nuke/parameters.json</c> and the profile files, and otherwise leaves the
/// initializer's value; then checks every value against the member's validation attributes.
/// </summary>
internal static partial class ParameterBinder
{
    // Variables a shell, an operating system or a CI service sets: a parameter may not declare one of these as its variable.
    private static readonly HashSet<string> CommonVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "PATH", "HOME", "USER", "USERNAME", "SHELL", "PWD", "OLDPWD", "TMP", "TEMP", "TMPDIR", "TERM", "LANG", "HOSTNAME",
        "LOGNAME", "CI", "NAME", "OUTPUT", "TAG", "ENVIRONMENT", "CONFIGURATION", "TARGET", "VERSION", "PROFILE", "ROOT",
    };

    public static IReadOnlyList<BuildParameter> Discover(Type buildType, string environmentPrefix)
    {
        if (!PrefixPattern().IsMatch(environmentPrefix))
        {
            throw new TargetDefinitionException(
                $"The build's environment prefix '{environmentPrefix}' must be upper-case letters, digits and underscores, starting with a letter (like HOMELAB).");
        }

        var parameters = new List<BuildParameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var hierarchy = new List<Type>();
        for (var current = buildType; current is not null && current != typeof(object); current = current.BaseType)
        {
            hierarchy.Insert(0, current);
        }

        var members = hierarchy
            .SelectMany(type => type.GetMembers(flags | BindingFlags.DeclaredOnly).Where(m => m is FieldInfo or PropertyInfo).OrderBy(m => m.MetadataToken))

            // Parameters of the component interfaces the build implements (properties that read their value with
            // IBuild.TryGetValue), after the class's own, in the same stable order as their targets.
            .Concat(buildType.GetInterfaces().OrderBy(i => i.FullName, StringComparer.Ordinal)
                .SelectMany(component => component.GetProperties(flags | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken)));
        foreach (var member in members)
        {
            if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
            {
                continue;
            }

            var name = attribute.Name ?? member.Name;
            if (attribute.EnvironmentVariable is { } declared && (CommonVariables.Contains(declared) || declared.Length == 0))
            {
                throw new TargetDefinitionException(
                    $"Parameter '{name}' declares the environment variable '{declared}', which shells and CI services set for other purposes; choose a name of its own.");
            }

            var variable = attribute.EnvironmentVariable ?? Names.EnvironmentVariable(environmentPrefix, name);
            var parameter = new BuildParameter(member, attribute, member.GetCustomAttribute<SecretAttribute>() is not null, variable);
            if (!seen.Add(Names.Normalize(parameter.Name)))
            {
                throw new TargetDefinitionException($"Two parameters are both named '{parameter.Name}' (names are matched ignoring case and dashes).");
            }

            if (CommandLine.BuiltIns.ContainsKey(Names.Normalize(parameter.Name)))
            {
                throw new TargetDefinitionException($"Parameter '{parameter.Name}' has the name of a built-in option; rename it.");
            }

            parameters.Add(parameter);
        }

        return parameters;
    }

    public static void Bind(
        object build,
        IReadOnlyList<BuildParameter> parameters,
        CommandLine commandLine,
        IReadOnlyDictionary<string, string> environment,
        string rootDirectory,
        IReadOnlyList<string> profiles,
        SecretMasker masker)
    {
        var files = LoadFiles(rootDirectory, profiles, parameters);
        foreach (var parameter in parameters)
        {
            var current = parameter.Read(build);
            parameter.DefaultValue = current;
            parameter.Value = current;
            var key = Names.Normalize(parameter.Name);
            IReadOnlyList<string>? values = null;
            string? source = null;

            if (commandLine.Values(key) is { } given)
            {
                values = given;
                source = "command line";
            }
            else if (FindEnvironment(environment, parameter.EnvironmentVariable) is { } variable)
            {
                var text = environment[variable];
                values = parameter.IsCollection ? text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries) : [text];
                source = $"environment variable {variable}";
            }
            else
            {
                foreach (var file in files)
                {
                    if (file.Values.TryGetValue(key, out var fromFile))
                    {
                        values = fromFile;
                        source = file.DisplayName;
                    }
                }
            }

            if (values is null || source is null)
            {
                if (parameter.IsSecret && current is string secret)
                {
                    masker.Add(secret);
                }

                Check(parameter, current, "default in the code");
                continue;
            }

            var name = parameter.CommandLineName;
            var from = source;
            var value = ParameterValues.Convert(parameter.Type, values, rootDirectory, () => $"Parameter {name} (from the {from})");
            parameter.Write(build, value);
            parameter.Source = source;
            if (parameter.IsSecret)
            {
                foreach (var text in values)
                {
                    masker.Add(text);
                }
            }

            Check(parameter, value, source);
        }
    }

    // One exact name; Windows spells variables in any case.
    private static string? FindEnvironment(IReadOnlyDictionary<string, string> environment, string variable) =>
        environment.ContainsKey(variable)
            ? variable
            : OperatingSystem.IsWindows() ? environment.Keys.FirstOrDefault(key => string.Equals(key, variable, StringComparison.OrdinalIgnoreCase)) : null;

    private static void Check(BuildParameter parameter, object? value, string source)
    {
        foreach (var check in parameter.Checks)
        {
            var context = new ValidationContext(parameter, null, null) { DisplayName = parameter.CommandLineName, MemberName = parameter.Name };
            if (check.GetValidationResult(value, context) is { ErrorMessage: var message } && message is not null)
            {
                var shown = parameter.DisplayValue(value);
                throw new BuildUsageException($"Parameter {parameter.CommandLineName} (from the {source}) has a bad value '{shown}': {message}");
            }
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex PrefixPattern();

    private static List<ParameterFile> LoadFiles(string rootDirectory, IReadOnlyList<string> profiles, IReadOnlyList<BuildParameter> parameters)
    {
        var files = new List<ParameterFile>();
        var directory = Path.Combine(rootDirectory, ".nuke");
        var main = Path.Combine(directory, "parameters.json");
        if (File.Exists(main))
        {
            files.Add(ParameterFile.Load(main, ".nuke/parameters.json", parameters));
        }

        foreach (var profile in profiles)
        {
            var path = Path.Combine(directory, $"parameters.{profile}.json");
            if (!File.Exists(path))
            {
                var available = Directory.Exists(directory)
                    ? Directory.GetFiles(directory, "parameters.*.json").Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length]).Order(StringComparer.Ordinal).ToList()
                    : [];
                var hint = available.Count == 0 ? "create it" : $"profiles here: {string.Join(", ", available)}";
                throw new BuildUsageException($"Profile '{profile}' has no file .nuke/parameters.{profile}.json ({hint}).");
            }

            files.Add(ParameterFile.Load(path, $".nuke/parameters.{profile}.json", parameters));
        }

        return files;
    }

    private sealed record ParameterFile(string DisplayName, Dictionary<string, IReadOnlyList<string>> Values)
    {
        public static ParameterFile Load(string path, string displayName, IReadOnlyList<BuildParameter> parameters)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException exception)
            {
                throw new BuildUsageException($"{displayName}:{(exception.LineNumber ?? 0) + 1}: not valid JSON: {exception.Message.Split(" Path:")[0]}");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new BuildUsageException($"{displayName}: must be a JSON object of parameter names to values.");
                }

                var known = parameters.ToDictionary(p => Names.Normalize(p.Name), p => p);
                var values = new Dictionary<string, IReadOnlyList<string>>();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Name == "$schema")
                    {
                        continue;
                    }

                    var key = Names.Normalize(property.Name);
                    if (!known.ContainsKey(key))
                    {
                        var suggestion = Names.Closest(property.Name, parameters.Select(p => p.Name));
                        var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
                        throw new BuildUsageException($"{displayName}: unknown parameter '{property.Name}'.{hint}");
                    }

                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    values[key] = property.Value.ValueKind == JsonValueKind.Array
                        ? [.. property.Value.EnumerateArray().Select(Text)]
                        : [Text(property.Value)];
                }

                return new ParameterFile(displayName, values);
            }
        }

        private static string Text(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => element.GetRawText(),
        };
    }
}
