namespace HomeLab.Assertions.Sources;

/// <summary>Which objects to read from a source: by apiVersion and kind, optionally narrowed by namespace, name and selectors.</summary>
/// <param name="ApiVersion">The apiVersion, e.g. <c>apps/v1</c>.</param>
/// <param name="Kind">The kind, e.g. <c>Deployment</c>.</param>
/// <param name="Namespace">The namespace; null means all namespaces (or a cluster-scoped kind).</param>
/// <param name="Name">The name; null lists every object that matches.</param>
/// <param name="LabelSelector">A label selector in Kubernetes' text form (<c>app=web,tier!=db</c>), or null.</param>
/// <param name="FieldSelector">A field selector in Kubernetes' text form, or null.</param>
public sealed record ResourceQuery(
    string ApiVersion,
    string Kind,
    string? Namespace = null,
    string? Name = null,
    string? LabelSelector = null,
    string? FieldSelector = null);
