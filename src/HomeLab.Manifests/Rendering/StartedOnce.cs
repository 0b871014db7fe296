using System.Collections.Concurrent;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Work started at most once per key, however many callers ask at the same moment: environments and the batch's
/// prewarm runs ask for the same render, pull or tool version at once, and each must start one process, not several.
/// (<see cref="ConcurrentDictionary{TKey, TValue}.GetOrAdd(TKey, Func{TKey, TValue})"/> alone may run a racing factory
/// twice.)
/// </summary>
/// <typeparam name="T">What the work gives.</typeparam>
internal sealed class StartedOnce<T>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _work = new(StringComparer.Ordinal);

    /// <summary>The work of a key: started by the first caller, shared with every later one.</summary>
    public Task<T> GetOrStart(string key, Func<Task<T>> start) =>
        _work.GetOrAdd(key, _ => new Lazy<Task<T>>(start, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
