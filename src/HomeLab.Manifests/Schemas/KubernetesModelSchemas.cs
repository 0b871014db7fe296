using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace HomeLab.Manifests.Schemas;

/// <summary>
/// Schemas of the built-in Kubernetes kinds, derived from KubernetesClient's models with no download:
/// the <c>[KubernetesEntity]</c> attribute maps apiVersion and kind to a model type, its
/// <c>[JsonPropertyName]</c> properties give the fields and their types, a non-nullable number or boolean is
/// required, and <see cref="KnownRequiredFields"/> adds the required fields the models cannot show.
/// Schemas are built on first use and cached per model type; the instance is thread-safe.
/// </summary>
public sealed class KubernetesModelSchemas
{
    private readonly FrozenDictionary<GroupVersionKind, Type> _kinds;
    private readonly FrozenSet<string> _groups;
    private readonly ConcurrentDictionary<GroupVersionKind, SchemaNode?> _byKind = new();
    private readonly Lock _buildLock = new();
    private readonly Dictionary<Type, SchemaNode> _byType = [];

    private KubernetesModelSchemas()
    {
        var kinds = new Dictionary<GroupVersionKind, Type>();
        foreach (var type in typeof(V1Deployment).Assembly.GetExportedTypes())
        {
            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is { Kind: { Length: > 0 } kind } entity)
            {
                kinds.TryAdd(new GroupVersionKind(entity.Group ?? string.Empty, entity.ApiVersion, kind), type);
            }
        }

        _kinds = kinds.ToFrozenDictionary();
        _groups = kinds.Keys.Select(k => k.Group).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The one instance: the models never change, so their schemas are shared by every validator.</summary>
    public static KubernetesModelSchemas Shared { get; } = new();

    /// <summary>Every kind the models know.</summary>
    public IReadOnlyCollection<GroupVersionKind> Kinds => _kinds.Keys;

    /// <summary>The schema of <c>metadata</c> (ObjectMeta), which custom resources share with built-in kinds.</summary>
    public SchemaNode ObjectMeta => ForType(typeof(V1ObjectMeta));

    /// <summary>Whether an API group is one of Kubernetes' own (the core group is <c>""</c>).</summary>
    /// <param name="group">The group.</param>
    /// <returns>True for a built-in group.</returns>
    public bool IsBuiltInGroup(string group) => _groups.Contains(group);

    /// <summary>The schema of a kind.</summary>
    /// <param name="kind">The group, version and kind.</param>
    /// <returns>The schema, or null when the models do not know the kind.</returns>
    public SchemaNode? Find(GroupVersionKind kind) =>
        _byKind.GetOrAdd(kind, k => _kinds.TryGetValue(k, out var type) ? ForType(type) : null);

    /// <summary>The kinds of a built-in group that the models know, for hints.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The kinds.</returns>
    public IEnumerable<GroupVersionKind> KindsOf(string group) => _kinds.Keys.Where(k => k.Group == group);

    private SchemaNode ForType(Type type)
    {
        lock (_buildLock)
        {
            return Build(type);
        }
    }

    private SchemaNode Build(Type type)
    {
        if (_byType.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var node = new SchemaNode(SchemaType.Object) { Source = $"KubernetesClient model {type.Name}" };
        _byType[type] = node;
        var properties = new List<KeyValuePair<string, SchemaNode>>();
        var required = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is not { } json)
            {
                continue;
            }

            var schema = ForPropertyType(property.PropertyType);
            if (type == typeof(V1ObjectMeta) && json.Name is "labels" or "annotations")
            {
                schema = schema.Clone();
                schema.Role = json.Name == "labels" ? SchemaRole.Labels : SchemaRole.Annotations;
            }
            else if (type == typeof(V1LabelSelector) && json.Name == "matchLabels")
            {
                schema = schema.Clone();
                schema.Role = SchemaRole.Labels;
            }

            properties.Add(new(json.Name, schema));
            if (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
            {
                required.Add(json.Name);
            }
        }

        foreach (var name in KnownRequiredFields.For(type))
        {
            if (!required.Contains(name))
            {
                required.Add(name);
            }
        }

        node.SetProperties(properties);
        node.Required = required;
        return node;
    }

    private SchemaNode ForPropertyType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return Scalars.String;
        }

        if (type == typeof(int))
        {
            return Scalars.Int32;
        }

        if (type == typeof(long))
        {
            return Scalars.Int64;
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return Scalars.Number;
        }

        if (type == typeof(bool))
        {
            return Scalars.Boolean;
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return Scalars.DateTime;
        }

        if (type == typeof(byte[]))
        {
            return Scalars.Bytes;
        }

        if (type == typeof(IntOrString))
        {
            return Scalars.IntOrString;
        }

        if (type == typeof(ResourceQuantity))
        {
            return Scalars.Quantity;
        }

        if (type == typeof(object) || type == typeof(JsonElement) || type == typeof(JsonDocument))
        {
            return SchemaNode.AnyValue;
        }

        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            var definition = type.GetGenericTypeDefinition();
            if (arguments.Length == 2 && arguments[0] == typeof(string)
                && (definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
            {
                return new SchemaNode(SchemaType.Object) { AdditionalProperties = ForPropertyType(arguments[1]) };
            }

            if (arguments.Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
            {
                return new SchemaNode(SchemaType.Array) { Items = ForPropertyType(arguments[0]) };
            }
        }

        return type.IsClass && type.Namespace == "k8s.Models" ? Build(type) : SchemaNode.AnyValue;
    }
}
