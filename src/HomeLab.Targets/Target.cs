namespace HomeLab.Targets;

/// <summary>
/// A build target, declared as an expression-bodied property:
/// <c>Target Test =&gt; _ =&gt; _.DependsOn(Compile).Executes(...)</c>.
/// </summary>
/// <param name="definition">The definition to configure.</param>
/// <returns>The configured definition.</returns>
public delegate ITargetDefinition Target(ITargetDefinition definition);
