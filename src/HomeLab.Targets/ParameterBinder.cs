using System.Reflection;
using System.Text.Json;

namespace HomeLab.Targets;

/// <summary>
/// Finds a build's parameters and sets each from, in order: the command line, an environment variable
/// (exact name, or the same letters and digits ignoring case), <c>.nuke/parameters.json</c> and the
/// profile files, and otherwise leaves the initializer's value.
/// </summary>
internal static class ParameterBinder
{
    // Operating-system variables that would otherwise bind to a parameter of the same letters (PATH → Path).
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "PATH", "HOME", "USER", "SHELL", "PWD", "OLDPWD", "TMP", "TEMP", "TMPDIR", "TERM", "LANG", "HOSTNAME", "LOGNAME", "CI",
    };

    public static IReadOnlyList<BuildParameter> Discover(Type buildType)
    {
        var parameters = new List<BuildParameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var hierarchy = new List<Type>();
        for (var current = buildType; current is not null && current != typeof(object); current = current.BaseType)
        {
            hierarchy.Insert(0, current);
        }

        foreach (var type in hierarchy)
        {
            foreach (var member in type.GetMembers(flags | BindingFlags.DeclaredOnly).Where(m => m is FieldInfo or PropertyInfo).OrderBy(m => m.MetadataToken))
            {
                var attribute = member.GetCustomAttribute<ParameterAttribute>();
                if (attribute is null)
                {
                    continue;
                }

                var parameter = new BuildParameter(member, attribute, member.GetCustomAttribute<SecretAttribute>() is not null);
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
        }

        // Parameters of the component interfaces the build implements (properties that read their value with
        // IBuild.TryGetValue), after the class's own, in the same stable order as their targets.
        foreach (var component in buildType.GetInterfaces().OrderBy(i => i.FullName, StringComparer.Ordinal))
        {
            foreach (var property in component.GetProperties(flags | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken))
            {
                if (property.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                {
                    continue;
                }

                var parameter = new BuildParameter(property, attribute, property.GetCustomAttribute<SecretAttribute>() is not null);
                if (!seen.Add(Names.Normalize(parameter.Name)))
                {
                    throw new TargetDefinitionException($"Two parameters are both named '{parameter.Name}' (names are matched ignoring case and dashes).");
                }

                parameters.Add(parameter);
            }
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
            else if (FindEnvironment(environment, parameter.Name) is { } variable)
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
        }
    }

    private static string? FindEnvironment(IReadOnlyDictionary<string, string> environment, string name)
    {
        if (environment.ContainsKey(name) && !Reserved.Contains(name))
        {
            return name;
        }

        var wanted = Names.Normalize(name);
        return environment.Keys
            .Where(key => !Reserved.Contains(key) && Names.Normalize(key) == wanted)
            .OrderBy(key => key, StringComparer.Ordinal)
            .FirstOrDefault();
    }

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
