namespace HomeLab.Targets;

/// <summary>Marks a parameter as secret: its value is masked in every line the build writes.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute
{
}
