using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Cluster;

/// <summary>Reads API server JSON into Newtonsoft trees, keeping timestamps as the strings the server sent.</summary>
internal static class KubeJson
{
    public static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    public static string Serialize(JToken token) => token.ToString(Formatting.None);

    public static string? GetString(JToken? token, string path) => Text(token?.SelectToken(path));

    /// <summary>A scalar as kubectl prints it (booleans in lower case); null for null, objects and arrays.</summary>
    public static string? Text(JToken? token) => token switch
    {
        JValue { Type: JTokenType.Boolean } b => b.Value<bool>() ? "true" : "false",
        JValue { Value: not null } v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    public static string? Name(JObject obj) => GetString(obj, "metadata.name");

    public static string? Namespace(JObject obj) => GetString(obj, "metadata.namespace");

    public static string Key(JObject obj) => $"{Namespace(obj)}/{Name(obj)}";
}
