using System.Buffers.Text;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Schemas;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Validation;

/// <summary>
/// Checks one object's YAML against a <see cref="SchemaNode"/>, walking both together. The path is kept as a
/// stack of segments and only rendered when something is reported, so a clean object allocates almost nothing.
/// One walker serves one object at a time on one thread; <see cref="Begin"/> and <see cref="End"/> let a thread's
/// walker serve its objects one after the other.
/// </summary>
internal sealed class SchemaWalker
{
    private readonly List<FieldPathSegment> _path = new(16);
    private readonly bool _probing;
    private ObjectRef? _object;
    private bool _failed;
    private SchemaWalker? _trial;

    public SchemaWalker(ObjectRef? obj = null) => _object = obj;

    // A trial walker (see Passes) only needs to know whether something fails, not what: it builds no finding.
    private SchemaWalker(ObjectRef? obj, bool probing)
        : this(obj) => _probing = probing;

    /// <summary>What was found; null while nothing is.</summary>
    public List<Finding>? Findings { get; private set; }

    /// <summary>Starts on an object: an empty path and no findings.</summary>
    public void Begin(ObjectRef obj)
    {
        _object = obj;
        _path.Clear();
        Findings = null;
    }

    /// <summary>Ends an object: its findings (null when none), which the walker no longer holds.</summary>
    public List<Finding>? End()
    {
        var findings = Findings;
        Findings = null;
        return findings;
    }

    public void Walk(YamlNode node, SchemaNode schema) => Visit(node, schema);

    /// <summary>Checks a label map (keys and values) directly, for objects no schema describes.</summary>
    public void CheckLabels(YamlMap labels, FieldPath at)
    {
        foreach (var segment in at.Segments)
        {
            _path.Add(segment);
        }

        CheckMapKeys(labels, SchemaRole.Labels);
        _path.Clear();
    }

    public void Report(Finding finding) => (Findings ??= []).Add(finding);

    private static string Describe(YamlNode node) => node switch
    {
        YamlMap => "an object",
        YamlList => "a list",
        YamlScalar { Kind: YamlScalarKind.Int } s => $"the integer {s.Value}",
        YamlScalar { Kind: YamlScalarKind.Float } s => $"the number {s.Value}",
        YamlScalar { Kind: YamlScalarKind.Bool } s => $"the boolean {s.Value}",
        YamlScalar s => $"the string \"{s.Value}\"",
        _ => "a value",
    };

    private static string Expected(SchemaNode schema) => schema.Type switch
    {
        SchemaType.Object => schema.AdditionalProperties is not null && schema.FrozenProperties.Count == 0 ? "a map of key: value entries" : "an object (key: value fields)",
        SchemaType.Array => "a list",
        SchemaType.String => "a string",
        SchemaType.Integer => "an integer",
        SchemaType.Number => "a number",
        SchemaType.Boolean => "a boolean (true or false)",
        SchemaType.IntOrString => "an integer or a string",
        SchemaType.Quantity => "a quantity such as 500m, 128Mi or 2",
        _ => "a value",
    };

    private static string WrongTypeHint(YamlNode node, SchemaNode schema)
    {
        var expected = $"expected {Expected(schema)}";
        return (schema.Type, node) switch
        {
            (SchemaType.String, YamlScalar { Kind: YamlScalarKind.Bool } b) => $"{expected}; Kubernetes reads YAML 1.1, where {b.Value} is a boolean: quote it: \"{b.Value}\"",
            (SchemaType.String, YamlScalar s) => $"{expected}; quote it: \"{s.Value}\"",
            (SchemaType.Integer or SchemaType.Number, YamlScalar { IsQuoted: true } s) when YamlScalar.Resolve(s.Value) is YamlScalarKind.Int or YamlScalarKind.Float =>
                $"{expected}; remove the quotes: {s.Value}",
            (SchemaType.Boolean, YamlScalar s) when s.Value.ToLowerInvariant() is "true" or "false" => $"{expected}; remove the quotes: {s.Value.ToLowerInvariant()}",
            (SchemaType.Array, YamlMap) => $"{expected}; start each item with '- '",
            _ => expected,
        };
    }

    private void Visit(YamlNode node, SchemaNode schema)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return;
        }

        VisitType(node, schema);
        if (schema.Constraints is { } constraints)
        {
            CheckConstraints(node, schema, constraints);
        }
    }

    private void VisitType(YamlNode node, SchemaNode schema)
    {
        switch (schema.Type)
        {
            case SchemaType.Any:
                if (node is YamlMap anyMap && schema.FrozenProperties.Count > 0)
                {
                    VisitObject(anyMap, schema);
                }

                return;
            case SchemaType.Object:
                if (node is YamlMap map)
                {
                    VisitObject(map, schema);
                }
                else
                {
                    WrongType(node, schema);
                }

                return;
            case SchemaType.Array:
                if (node is not YamlList list)
                {
                    WrongType(node, schema);
                }
                else if (schema.Items is { } items)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        _path.Add(FieldPathSegment.ForIndex(i));
                        Visit(list[i], items);
                        _path.RemoveAt(_path.Count - 1);
                    }
                }

                return;
            default:
                if (node is YamlScalar scalar)
                {
                    VisitScalar(scalar, schema);
                }
                else
                {
                    WrongType(node, schema);
                }

                return;
        }
    }

    private void VisitObject(YamlMap map, SchemaNode schema)
    {
        var properties = schema.FrozenProperties;
        foreach (var entry in map.Entries)
        {
            _path.Add(FieldPathSegment.ForKey(entry.Key));
            if (properties.TryGetValue(entry.Key, out var child))
            {
                Visit(entry.Value, child);
            }
            else if (schema.AdditionalProperties is { } extra)
            {
                Visit(entry.Value, extra);
            }
            else if (!schema.PreserveUnknownFields)
            {
                UnknownField(entry, schema);
            }

            _path.RemoveAt(_path.Count - 1);
        }

        if (schema.Role != SchemaRole.None)
        {
            CheckMapKeys(map, schema.Role);
        }

        // By index (no enumerator per map), each key looked for among the entries (no index built on the map).
        var requiredFields = schema.Required;
        for (var r = 0; r < requiredFields.Count; r++)
        {
            var required = requiredFields[r];
            if (IsMissing(map, required) && !Failing())
            {
                var fieldSchema = properties.GetValueOrDefault(required);
                var parent = _path.Count == 0 ? "the object" : PathText();
                Report(new Finding(ValidationRuleIds.MissingRequired, Severity.Error, $"missing required field \"{required}\" in {parent}")
                {
                    Span = map.Span,
                    Object = _object,
                    FieldPath = PathText(required),
                    Hint = fieldSchema is null ? $"add {required}" : $"add {required}: {Expected(fieldSchema)}",
                });
            }
        }
    }

    private static bool IsMissing(YamlMap map, string key)
    {
        foreach (var entry in map.Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry.Value is YamlScalar { IsNull: true };
            }
        }

        return true;
    }

    private void VisitScalar(YamlScalar scalar, SchemaNode schema)
    {
        var kind = scalar.Kind;
        var ok = schema.Type switch
        {
            SchemaType.String => kind == YamlScalarKind.String,
            SchemaType.Integer => kind == YamlScalarKind.Int,
            SchemaType.Number => kind is YamlScalarKind.Int or YamlScalarKind.Float,
            SchemaType.Boolean => kind == YamlScalarKind.Bool,
            SchemaType.IntOrString => kind is YamlScalarKind.Int or YamlScalarKind.String,
            SchemaType.Quantity => kind is YamlScalarKind.Int or YamlScalarKind.Float or YamlScalarKind.String,
            _ => true,
        };
        if (!ok)
        {
            WrongType(scalar, schema);
            return;
        }

        if (schema.Type == SchemaType.Quantity && kind == YamlScalarKind.String && !ResourceQuantity.IsValid(scalar.Value))
        {
            InvalidValue(scalar, $"\"{scalar.Value}\" is not a quantity", "quantities look like 500m, 0.5, 128Mi, 1Gi or 2 (Mi and Gi are binary, M and G decimal; there is no 'mb' or 'gb')");
        }
        else if (schema.Format == "int32" && kind == YamlScalarKind.Int && scalar.AsInt64() is not (>= int.MinValue and <= int.MaxValue))
        {
            InvalidValue(scalar, $"{scalar.Value} does not fit in a 32-bit integer", $"use a value between {int.MinValue} and {int.MaxValue}");
        }
        else if (schema.Format == "byte" && kind == YamlScalarKind.String && !Base64.IsValid(scalar.Value))
        {
            InvalidValue(scalar, "the value is not base64", "encode it with base64, or put the plain text under stringData instead of data");
        }

        if (schema.Enum is { } allowed && !allowed.Contains(scalar.Value) && !Failing())
        {
            var closest = FieldSuggestions.Closest(scalar.Value, allowed);
            var hint = closest is null ? $"use one of: {string.Join(", ", allowed)}" : $"did you mean '{closest}'? (one of: {string.Join(", ", allowed)})";
            InvalidValue(scalar, $"\"{scalar.Value}\" is not an allowed value", hint);
        }
    }

    private void CheckConstraints(YamlNode node, SchemaNode schema, SchemaConstraints c)
    {
        switch (node)
        {
            case YamlScalar { Kind: YamlScalarKind.String } text when schema.Type is SchemaType.String or SchemaType.IntOrString or SchemaType.Any:
                var length = c.MinLength is null && c.MaxLength is null ? 0 : RuneCount(text.Value);
                if (c.MinLength is { } min && length < min)
                {
                    InvalidValue(text, $"\"{text.Value}\" is shorter than {min} characters", $"the schema ({schema.Source}) asks for at least {min}");
                }

                if (c.MaxLength is { } max && length > max)
                {
                    InvalidValue(text, $"the value is longer than {max} characters ({length})", $"the schema ({schema.Source}) allows at most {max}");
                }

                if (c.Pattern is { } pattern && !Matches(pattern, text.Value))
                {
                    InvalidValue(text, $"\"{text.Value}\" does not match the pattern {c.PatternText}", $"the schema ({schema.Source}) asks for values that match {c.PatternText}");
                }

                break;
            case YamlScalar { Kind: YamlScalarKind.Int or YamlScalarKind.Float } number when number.AsDouble() is { } value:
                if (c.Minimum is { } minimum && (c.ExclusiveMinimum ? value <= minimum : value < minimum))
                {
                    InvalidValue(number, $"{number.Value} is below the minimum of {minimum}{(c.ExclusiveMinimum ? " (exclusive)" : string.Empty)}", $"use a value of at least {minimum}");
                }

                if (c.Maximum is { } maximum && (c.ExclusiveMaximum ? value >= maximum : value > maximum))
                {
                    InvalidValue(number, $"{number.Value} is above the maximum of {maximum}{(c.ExclusiveMaximum ? " (exclusive)" : string.Empty)}", $"use a value of at most {maximum}");
                }

                if (c.MultipleOf is { } step and > 0 && Math.Abs(Math.IEEERemainder(value, step)) > 1e-9)
                {
                    InvalidValue(number, $"{number.Value} is not a multiple of {step}", $"use a multiple of {step}");
                }

                break;
            case YamlList list:
                if (c.MinItems is { } minItems && list.Count < minItems)
                {
                    Invalid(list, $"the list has {list.Count} items, fewer than the {minItems} required", $"add at least {minItems - list.Count} more");
                }

                if (c.MaxItems is { } maxItems && list.Count > maxItems)
                {
                    Invalid(list, $"the list has {list.Count} items, more than the {maxItems} allowed", $"remove {list.Count - maxItems}");
                }

                if (c.UniqueItems && list.Items.Select(i => i.ToJson()?.ToJsonString() ?? "null").Distinct(StringComparer.Ordinal).Count() < list.Count)
                {
                    Invalid(list, "the list holds the same item twice", "remove the repeated item");
                }

                break;
            case YamlMap map:
                if (c.MinProperties is { } minProperties && map.Count < minProperties)
                {
                    Invalid(map, $"the object has {map.Count} fields, fewer than the {minProperties} required", "add the fields the schema asks for");
                }

                if (c.MaxProperties is { } maxProperties && map.Count > maxProperties)
                {
                    Invalid(map, $"the object has {map.Count} fields, more than the {maxProperties} allowed", "remove fields");
                }

                break;
        }

        foreach (var all in c.AllOf)
        {
            Visit(node, all);
        }

        if (c.AnyOf.Count > 0 && PassCount(node, c.AnyOf, stopAt: 1) == 0)
        {
            Invalid(node, "the value matches none of the alternatives the schema allows (anyOf)", $"see the schema ({schema.Source}) for the allowed forms");
        }

        if (c.OneOf.Count > 0 && PassCount(node, c.OneOf, stopAt: int.MaxValue) is var matching and not 1)
        {
            Invalid(node, matching == 0 ? "the value matches none of the alternatives the schema allows (oneOf)" : $"the value matches {matching} of the alternatives, but exactly one is allowed (oneOf)", $"see the schema ({schema.Source}) for the allowed forms");
        }

        if (c.Not is { } not && Passes(node, not))
        {
            Invalid(node, "the value has a form the schema forbids (not)", $"see the schema ({schema.Source})");
        }
    }

    private static bool Matches(System.Text.RegularExpressions.Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return true; // too slow to decide: not reported
        }
    }

    private static int RuneCount(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    // How many of the alternatives a value passes, counting no further than stopAt.
    private int PassCount(YamlNode node, IReadOnlyList<SchemaNode> alternatives, int stopAt)
    {
        var count = 0;
        for (var i = 0; i < alternatives.Count && count < stopAt; i++)
        {
            if (Passes(node, alternatives[i]))
            {
                count++;
            }
        }

        return count;
    }

    // Whether a value passes a sub-schema. Sub-schemas of structural schemas hold value validations and required
    // fields, not types, so only those are checked; a trial walker (one per walker, reused) keeps them out of this one.
    private bool Passes(YamlNode node, SchemaNode schema)
    {
        var trial = _trial ??= new SchemaWalker(_object, probing: true);
        trial._object = _object;
        trial._path.Clear();
        trial._failed = false;
        if (node is YamlMap map)
        {
            for (var r = 0; r < schema.Required.Count; r++)
            {
                if (IsMissing(map, schema.Required[r]))
                {
                    return false;
                }
            }

            foreach (var (key, child) in schema.FrozenProperties)
            {
                if (map[key] is { } value)
                {
                    trial.Visit(value, child);
                }
            }
        }

        if (schema.Type != SchemaType.Any && schema.Type != SchemaType.Object)
        {
            trial.VisitType(node, schema);
        }

        if (schema.Enum is { } allowed && node is YamlScalar scalar && !allowed.Contains(scalar.Value))
        {
            return false;
        }

        if (schema.Constraints is { } constraints)
        {
            trial.CheckConstraints(node, schema, constraints);
        }

        return !trial._failed;
    }

    // True when this is a trial walker, which then notes the failure instead of building a finding.
    private bool Failing()
    {
        _failed |= _probing;
        return _probing;
    }

    private void Invalid(YamlNode node, string message, string hint)
    {
        if (Failing())
        {
            return;
        }

        Report(new Finding(ValidationRuleIds.InvalidValue, Severity.Error, $"{PathText()}: {message}")
        {
            Span = node.Span,
            Object = _object,
            FieldPath = PathText(),
            Hint = hint,
        });
    }

    private void CheckMapKeys(YamlMap map, SchemaRole role)
    {
        foreach (var entry in map.Entries)
        {
            if (KubernetesNames.CheckQualifiedName(entry.Key) is { } keyProblem && !Failing())
            {
                Report(new Finding(ValidationRuleIds.InvalidLabel, Severity.Error, $"{(role == SchemaRole.Labels ? "label" : "annotation")} key \"{entry.Key}\" is invalid: {keyProblem}")
                {
                    Span = entry.KeySpan,
                    Object = _object,
                    FieldPath = PathText(entry.Key),
                    Hint = "keys are an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', such as app.kubernetes.io/name",
                });
            }

            if (role == SchemaRole.Labels && entry.Value is YamlScalar { Kind: YamlScalarKind.String } value && KubernetesNames.CheckLabelValue(value.Value) is { } valueProblem && !Failing())
            {
                Report(new Finding(ValidationRuleIds.InvalidLabel, Severity.Error, $"label value \"{value.Value}\" of \"{entry.Key}\" is invalid: {valueProblem}")
                {
                    Span = value.Span,
                    Object = _object,
                    FieldPath = PathText(entry.Key),
                    Hint = "label values are empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit; put longer text in an annotation",
                });
            }
        }
    }

    private void UnknownField(YamlMapEntry entry, SchemaNode schema)
    {
        if (Failing())
        {
            return;
        }

        var names = schema.FrozenProperties.Keys;
        var closest = FieldSuggestions.Closest(entry.Key, names);
        string hint;
        if (closest is not null)
        {
            hint = $"did you mean '{closest}'?";
        }
        else if (names.Length == 0)
        {
            hint = "this object takes no fields";
        }
        else
        {
            var sorted = names.Order(StringComparer.Ordinal).ToList();
            hint = sorted.Count <= 12 ? $"known fields: {string.Join(", ", sorted)}" : $"known fields: {string.Join(", ", sorted.Take(12))}, ... ({sorted.Count} in all)";
        }

        var parent = _path.Count <= 1 ? "the object" : PathText(upTo: _path.Count - 1);
        Report(new Finding(ValidationRuleIds.UnknownField, Severity.Error, $"unknown field \"{entry.Key}\" in {parent}")
        {
            Span = entry.KeySpan,
            Object = _object,
            FieldPath = PathText(),
            Hint = hint,
        });
    }

    private void WrongType(YamlNode node, SchemaNode schema)
    {
        if (Failing())
        {
            return;
        }

        Report(new Finding(ValidationRuleIds.WrongType, Severity.Error, $"{PathText()} must be {Expected(schema)}, not {Describe(node)}")
        {
            Span = node.Span,
            Object = _object,
            FieldPath = PathText(),
            Hint = WrongTypeHint(node, schema),
        });
    }

    private void InvalidValue(YamlScalar scalar, string message, string hint)
    {
        if (Failing())
        {
            return;
        }

        Report(new Finding(ValidationRuleIds.InvalidValue, Severity.Error, $"{PathText()}: {message}")
        {
            Span = scalar.Span,
            Object = _object,
            FieldPath = PathText(),
            Hint = hint,
        });
    }

    private string PathText(string? extraKey = null, int upTo = -1)
    {
        var path = FieldPath.Root;
        var count = upTo < 0 ? _path.Count : upTo;
        for (var i = 0; i < count; i++)
        {
            var segment = _path[i];
            path = segment.IsIndex ? path.Index(segment.Index) : path.Key(segment.Key!);
        }

        if (extraKey is not null)
        {
            path = path.Key(extraKey);
        }

        return path.ToString();
    }
}
