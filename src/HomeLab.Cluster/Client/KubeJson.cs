using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HomeLab.Cluster.Client;

/// <summary>Reads API server JSON into Newtonsoft trees, keeping timestamps as the strings the server sent.</summary>
public static class KubeJson
{
    /// <summary>Parses a JSON object without turning timestamps into dates.</summary>
    /// <param name="json">The text.</param>
    /// <returns>The object.</returns>
    public static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    /// <summary>Writes a tree compactly.</summary>
    /// <param name="token">The tree.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(JToken token) => token.ToString(Formatting.None);

    /// <summary>A scalar at a path, as text.</summary>
    /// <param name="token">The tree, or null.</param>
    /// <param name="path">The path, e.g. <c>metadata.name</c>.</param>
    /// <returns>The text, or null.</returns>
    public static string? GetString(JToken? token, string path) => Text(token?.SelectToken(path));

    /// <summary>A scalar as kubectl prints it (booleans in lower case); null for null, objects and arrays.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The text, or null.</returns>
    public static string? Text(JToken? token) => token switch
    {
        JValue { Type: JTokenType.Boolean } b => b.Value<bool>() ? "true" : "false",
        JValue { Value: not null } v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The object's <c>metadata.name</c>.</summary>
    /// <param name="obj">The object.</param>
    /// <returns>The name, or null.</returns>
    public static string? Name(JObject obj) => GetString(obj, "metadata.name");

    /// <summary>The object's <c>metadata.namespace</c>.</summary>
    /// <param name="obj">The object.</param>
    /// <returns>The namespace, or null.</returns>
    public static string? Namespace(JObject obj) => GetString(obj, "metadata.namespace");

    /// <summary>The object's <c>namespace/name</c>.</summary>
    /// <param name="obj">The object.</param>
    /// <returns>The key.</returns>
    public static string Key(JObject obj) => $"{Namespace(obj)}/{Name(obj)}";
}
