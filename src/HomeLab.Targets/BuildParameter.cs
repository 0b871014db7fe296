using System.Reflection;

namespace HomeLab.Targets;

/// <summary>A parameter of the build, with its value and where that value came from.</summary>
public sealed class BuildParameter
{
    internal BuildParameter(MemberInfo member, ParameterAttribute attribute, bool isSecret)
    {
        Member = member;
        Name = attribute.Name ?? member.Name;
        Description = attribute.Description;
        IsSecret = isSecret;
        Type = member switch
        {
            FieldInfo field => field.FieldType,
            PropertyInfo property => property.PropertyType,
            _ => throw new ArgumentException("A parameter is a field or a property.", nameof(member)),
        };
    }

    /// <summary>The parameter's name (the member's, unless the attribute gives one).</summary>
    public string Name { get; }

    /// <summary>The name on the command line: <c>--kubernetes-version</c>.</summary>
    public string CommandLineName => "--" + Names.Kebab(Name);

    /// <summary>What it means.</summary>
    public string? Description { get; }

    /// <summary>The member's type.</summary>
    public Type Type { get; }

    /// <summary>Whether the value is masked in output.</summary>
    public bool IsSecret { get; }

    /// <summary>The value the initializer gave, before any source was applied.</summary>
    public object? DefaultValue { get; internal set; }

    /// <summary>The value in effect.</summary>
    public object? Value { get; internal set; }

    /// <summary>Where the value came from: <c>default</c>, <c>command line</c>, <c>environment variable X</c> or a parameters file.</summary>
    public string Source { get; internal set; } = "default";

    /// <summary>Whether it is a flag (a bool: <c>--name</c> alone means true).</summary>
    public bool IsFlag => ParameterValues.ElementType(Type) == typeof(bool) && !ParameterValues.IsCollection(Type);

    /// <summary>Whether it takes several values.</summary>
    public bool IsCollection => ParameterValues.IsCollection(Type);

    internal MemberInfo Member { get; }

    internal object? Read(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo { DeclaringType.IsInterface: true } property => property.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    internal void Write(object build, object? value)
    {
        switch (Member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo { DeclaringType.IsInterface: true } property when build is BuildBase owner:
                // A component's parameter has nowhere to live in an interface: the build keeps its value.
                owner.ComponentParameterValues[ComponentParameterKey(property)] = value;
                break;
            case PropertyInfo { CanWrite: true } property:
                property.SetValue(build, value);
                break;
            case PropertyInfo property:
                // A get-only auto-property: write its backing field.
                var backing = property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
                    ?? throw new TargetDefinitionException($"Parameter {Name} is a property without a setter or backing field; make it a field or give it a setter.");
                backing.SetValue(build, value);
                break;
        }

        Value = value;
    }

    /// <summary>The key a component parameter's value is kept under: its interface and name.</summary>
    internal static string ComponentParameterKey(MemberInfo member) => $"{member.DeclaringType?.FullName}.{member.Name}";

    /// <summary>The value as shown in help: masked for secrets.</summary>
    public string DisplayValue(object? value) => IsSecret && value is not null ? SecretMasker.Mask : ParameterValues.Format(value);
}
