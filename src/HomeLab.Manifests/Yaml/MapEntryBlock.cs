namespace HomeLab.Manifests.Yaml;

/// <summary>
/// The entries of every map of one loaded text, side by side in one array, which is filled when the text has been
/// read: each map keeps where its entries start and how many there are (see <see cref="YamlMap"/>).
/// </summary>
internal sealed class MapEntryBlock
{
    /// <summary>The entries, once the text is read.</summary>
    public YamlMapEntry[] Entries { get; set; } = [];
}
