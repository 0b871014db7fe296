using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;

namespace HomeLab.Manifests.Tests.Validation;

internal static class ValidationFixtures
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Validation", relative);

    public static IReadOnlyList<KubeObject> Load(params string[] names)
    {
        var set = ManifestSet.Load(names.Select(PathOf));
        set.Findings.Should().NotContain(f => f.RuleId.StartsWith("yaml/"), "the fixtures are valid YAML");
        return set.Objects;
    }

    public static ValidationResult Validate(ValidationOptions? options, params string[] names) =>
        new ManifestValidator(options).Validate(Load(names));

    public static Finding Single(this ValidationResult result, string ruleId, string fieldPath)
    {
        var matches = result.Findings.Where(f => f.RuleId == ruleId && f.FieldPath == fieldPath).ToList();
        matches.Should().ContainSingle($"one {ruleId} finding at {fieldPath} is expected; found: {string.Join(" | ", result.Findings)}");
        return matches[0];
    }
}
