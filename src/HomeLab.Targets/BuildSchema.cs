using System.Text;
using System.Text.Json;

namespace HomeLab.Targets;

/// <summary>
/// <c>.nuke/build.schema.json</c>: every target and parameter as a JSON schema, for IDE completion of
/// <c>.nuke/parameters.json</c> and for shell completion. Rewritten whenever it would change.
/// </summary>
public static class BuildSchema
{
    /// <summary>The schema's path under the root.</summary>
    public const string RelativePath = ".nuke/build.schema.json";

    /// <summary>Generates the schema text for a build.</summary>
    /// <param name="model">The targets.</param>
    /// <param name="parameters">The parameters.</param>
    /// <returns>The JSON text, with a trailing newline.</returns>
    public static string Generate(BuildModel model, IReadOnlyList<BuildParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
            json.WriteString("title", "Build Schema");
            json.WriteStartObject("definitions");
            json.WriteStartObject("ExecutableTarget");
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var target in model.Targets)
            {
                json.WriteStringValue(target.Name);
            }

            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject("build");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            foreach (var parameter in parameters)
            {
                json.WriteStartObject(parameter.Name);
                WriteType(json, parameter.Type);
                if (parameter.Description is not null)
                {
                    json.WriteString("description", parameter.Description);
                }

                if (parameter.IsSecret)
                {
                    json.WriteBoolean("secret", true);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("$ref", "#/definitions/build");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Generates the schema text for a build instance: its targets and parameters.</summary>
    /// <param name="build">The build.</param>
    /// <returns>The JSON text, with a trailing newline.</returns>
    public static string Generate(BuildBase build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return Generate(BuildModel.Discover(build), ParameterBinder.Discover(build.GetType(), build.EnvironmentPrefix));
    }

    /// <summary>Writes the schema under the root when its content differs from what is there.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="model">The targets.</param>
    /// <param name="parameters">The parameters.</param>
    /// <returns>True when the file was written.</returns>
    public static bool WriteIfChanged(string root, BuildModel model, IReadOnlyList<BuildParameter> parameters)
    {
        var path = Path.Combine(root, RelativePath);
        var text = Generate(model, parameters);
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return true;
    }

    private static void WriteType(Utf8JsonWriter json, Type type)
    {
        var element = ParameterValues.ElementType(type);
        if (ParameterValues.IsCollection(type))
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            WriteScalar(json, element);
            json.WriteEndObject();
        }
        else
        {
            WriteScalar(json, element);
        }
    }

    private static void WriteScalar(Utf8JsonWriter json, Type element)
    {
        json.WriteString("type", element == typeof(bool) ? "boolean" : element == typeof(int) || element == typeof(long) ? "integer" : element == typeof(double) ? "number" : "string");
        if (element.IsEnum)
        {
            json.WriteStartArray("enum");
            foreach (var name in Enum.GetNames(element))
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
        }
    }
}
