using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>Where one rendered field was written: its value's span, its key's span, and the mapper's state for its children.</summary>
/// <typeparam name="TState">What the mapper carries down the tree.</typeparam>
internal readonly record struct FieldOrigin<TState>(SourceSpan Span, SourceSpan KeySpan, TState State);
