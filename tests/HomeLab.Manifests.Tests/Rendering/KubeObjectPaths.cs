using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Tests.Rendering;

/// <summary>Looks fields up through <see cref="FieldPath"/>, which every path form goes through.</summary>
internal static class KubeObjectPaths
{
    public static YamlNode Field(this KubeObject obj, string path) =>
        obj.Find(FieldPath.Parse(path)) ?? throw new Xunit.Sdk.XunitException($"{obj} has no field {path}");
}
