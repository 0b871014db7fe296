using YamlDotNet.RepresentationModel;

namespace HomeLab.Build.Tests.Workflows;

/// <summary>The committed <c>.github/workflows/*.yml</c>, read with a YAML parser of its own (not the generator's model).</summary>
internal static class CommittedWorkflows
{
    public static string Directory => Path.Combine(Repository.Root, ".github", "workflows");

    public static IEnumerable<string> Files => System.IO.Directory.GetFiles(Directory, "*.yml").Order(StringComparer.Ordinal);

    public static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlMappingNode Load(string file, out string name)
    {
        name = Path.GetFileName(file);
        return Load(file);
    }

    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static IEnumerable<(string Id, YamlMappingNode Job)> Jobs(this YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow.Get("jobs")!).Children.Select(c => (((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value));

    public static IEnumerable<YamlMappingNode> Steps(this YamlMappingNode job) =>
        ((YamlSequenceNode)job.Get("steps")!).Children.Cast<YamlMappingNode>();

    public static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode map => map.Children.SelectMany(c => Scalars(c.Value)),
        _ => [],
    };
}
