namespace HomeLab.Manifests.Validation;

/// <summary>The rule ids of the findings <see cref="ManifestValidator"/> reports.</summary>
public static class ValidationRuleIds
{
    /// <summary>A field the schema does not know.</summary>
    public const string UnknownField = "schema/unknown-field";

    /// <summary>A value of the wrong type, such as a quoted number where an integer belongs.</summary>
    public const string WrongType = "schema/wrong-type";

    /// <summary>A required field is missing.</summary>
    public const string MissingRequired = "schema/missing-required";

    /// <summary>A value outside the allowed set, or in the wrong format (a bad quantity, bad base64, an int32 overflow).</summary>
    public const string InvalidValue = "schema/invalid-value";

    /// <summary>The object lacks <c>apiVersion</c>, <c>kind</c> or <c>metadata.name</c>.</summary>
    public const string MissingIdentity = "schema/missing-identity";

    /// <summary>Two objects with the same group, kind, namespace and name.</summary>
    public const string DuplicateObject = "schema/duplicate-object";

    /// <summary>A name or namespace Kubernetes rejects (DNS-1123 subdomain or label rules).</summary>
    public const string InvalidName = "schema/invalid-name";

    /// <summary>A label key or value, or an annotation key, Kubernetes rejects.</summary>
    public const string InvalidLabel = "schema/invalid-label";

    /// <summary>A kind no built-in API group has.</summary>
    public const string UnknownKind = "schema/unknown-kind";

    /// <summary>An object no schema describes (a custom resource whose CRD is not known).</summary>
    public const string Unvalidated = "schema/unvalidated";

    /// <summary>An apiVersion deprecated in the target Kubernetes version.</summary>
    public const string DeprecatedApi = "schema/deprecated-api";

    /// <summary>An apiVersion the target Kubernetes version no longer serves.</summary>
    public const string RemovedApi = "schema/removed-api";

    /// <summary>An apiVersion the target Kubernetes version does not serve yet.</summary>
    public const string UnservedApi = "schema/unserved-api";

    /// <summary>The schema cache could not be read.</summary>
    public const string SchemaCacheUnreadable = "schema/cache-unreadable";
}
