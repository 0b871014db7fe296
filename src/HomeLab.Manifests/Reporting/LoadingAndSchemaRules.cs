using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Validation;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Reporting;

/// <summary>What the rules of loading and schema validation are about, for reports that describe their rules.</summary>
internal static class LoadingAndSchemaRules
{
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        Rule(YamlRuleIds.Syntax, "The file is not valid YAML, so nothing in it can be checked or applied.", "Fix the syntax at the line shown; the message says what the parser expected."),
        Rule(YamlRuleIds.DuplicateKey, "A key appears twice in one mapping; Kubernetes tools disagree on which one wins.", "Remove one of the two keys."),
        Rule(YamlRuleIds.TabIndentation, "YAML does not allow tabs for indentation.", "Indent with spaces."),
        Rule(YamlRuleIds.UnknownAlias, "An alias names no anchor defined before it.", "Define the anchor earlier in the same document, or write the value out."),
        Rule(YamlRuleIds.NotAMapping, "A manifest document must be a mapping of keys to values.", "Start the document with apiVersion: and kind:."),
        Rule(YamlRuleIds.ComplexKey, "A mapping key is a list or a mapping, which Kubernetes cannot read.", "Use a plain text key."),
        Rule(YamlRuleIds.TooDeep, "Mappings and lists nest deeper than any manifest a person writes.", "Check what generated the file."),
        Rule(YamlRuleIds.UnreadableFile, "A file or folder cannot be read.", "Check that it exists and that its permissions let you read it."),
        Rule(YamlRuleIds.TooLarge, "A file is larger than the loader reads.", "Split it into smaller files, or check that it is a manifest at all."),
        Rule(YamlRuleIds.InvalidEncoding, "The file is not UTF-8, the only encoding Kubernetes and kustomize read.", "Save the file as UTF-8."),
        Rule(YamlRuleIds.ControlCharacter, "The text holds control characters YAML does not allow: it looks like a binary file.", "Check that this is the YAML file you meant."),
        Rule(YamlRuleIds.AliasExpansion, "Aliases expand a document far beyond its written size (a \"billion laughs\" document).", "Write the values out instead of nesting aliases."),
        Rule(ManifestRuleIds.MissingField, "Every Kubernetes object needs apiVersion, kind and metadata.name.", "Add the missing field."),
        Rule(ManifestRuleIds.PathNotFound, "A path given to check does not exist.", "Check the path; relative paths start from the current directory."),
        Rule(ManifestRuleIds.ListItemNotAMapping, "An item of a kind: List is not an object.", "Make each item a Kubernetes object."),
        Rule(ManifestRuleIds.EmptyFile, "A manifest file holds no objects.", "Remove the file, or add the objects it was meant to hold.", Severity.Warning),
        Rule(ManifestRuleIds.NoManifests, "A folder given to check holds no manifest files.", "Check the path; folders whose name starts with a dot are not searched."),
        Rule(ManifestRuleIds.LinkLoop, "A symbolic link leads back to a folder that contains it.", "Remove the link.", Severity.Warning),
        Rule(ManifestRuleIds.Skipped, "A file is not a Kubernetes object (a kustomization, a patch, a Helm chart's file, other YAML or JSON) and was not checked.", "Nothing to fix; render kustomizations and charts to check what they make.", Severity.Info),
        Rule(ManifestRuleIds.Unrendered, "Objects hold placeholders such as ${APP} that were never substituted, so they were not checked.", "Check the output of the tool that substitutes them.", Severity.Warning),
        Rule(ValidationRuleIds.UnknownField, "A field the object's schema does not know: Kubernetes drops it or rejects the object.", "Fix the spelling or the indentation; the message suggests the closest known field."),
        Rule(ValidationRuleIds.WrongType, "A value of the wrong type, such as a quoted number where an integer belongs.", "Write the value as the type the message names."),
        Rule(ValidationRuleIds.MissingRequired, "A field the schema requires is missing.", "Add the field."),
        Rule(ValidationRuleIds.InvalidValue, "A value the schema does not allow: outside the allowed set or range, or in the wrong format.", "Use a value the message names as allowed."),
        Rule(ValidationRuleIds.MissingIdentity, "The object lacks apiVersion, kind or metadata.name.", "Add the missing field."),
        Rule(ValidationRuleIds.DuplicateObject, "Two objects of one rendered set have the same group, kind, namespace and name; one overwrites the other.", "Rename or remove one of them."),
        Rule(ValidationRuleIds.InvalidName, "A name or namespace Kubernetes rejects.", "Use lowercase letters, digits and '-'."),
        Rule(ValidationRuleIds.InvalidLabel, "A label key or value, or an annotation key, Kubernetes rejects.", "Follow the label syntax the message names."),
        Rule(ValidationRuleIds.UnknownKind, "A kind the target Kubernetes version does not serve under this apiVersion.", "Check the apiVersion and kind, and --kubernetes-version."),
        Rule(ValidationRuleIds.Unvalidated, "A custom resource whose CustomResourceDefinition is not known, so it was not validated.", "Pass the CRD with --crd, or fill the schema cache.", Severity.Info),
        Rule(ValidationRuleIds.DeprecatedApi, "An apiVersion deprecated in the target Kubernetes version.", "Move to the apiVersion the message names.", Severity.Warning),
        Rule(ValidationRuleIds.RemovedApi, "An apiVersion the target Kubernetes version no longer serves.", "Move to the apiVersion the message names."),
        Rule(ValidationRuleIds.UnservedApi, "An apiVersion the target Kubernetes version does not serve yet.", "Use an apiVersion the target serves, or raise --kubernetes-version."),
        Rule(ValidationRuleIds.SchemaCacheUnreadable, "The schema cache could not be read.", "Fill it again with ./build.sh SyncSchemas."),
    ];

    private static RuleDescriptor Rule(string id, string description, string help, Severity severity = Severity.Error) =>
        new(id, severity, description) { Help = help };
}
