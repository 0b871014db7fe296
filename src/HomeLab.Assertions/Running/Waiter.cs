using System.Threading.Channels;
using HomeLab.Assertions.Sources;

namespace HomeLab.Assertions.Running;

/// <summary>
/// Repeats a check until it passes or the timeout (on the injected clock) expires. Between attempts it waits
/// for the source's watch to report a change to the watched objects, or polls when the source cannot watch.
/// A source that is not live is checked once. Any exception of an attempt counts as a failed attempt.
/// </summary>
internal sealed class Waiter(IResourceSource source, TimeProvider time, TimeSpan pollInterval)
{
    public async Task<CheckOutcome> UntilAsync(
        Func<CancellationToken, Task<CheckOutcome>> attempt,
        IReadOnlyList<ResourceQuery> watch,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        var token = linked.Token;

        // Start watching before the first look, so a change between the look and the wait is not lost.
        var changes = Channel.CreateUnbounded<bool>();
        var pumps = new List<Task>();
        if (source.IsLive)
        {
            foreach (var query in watch.Distinct())
            {
                if (source.Watch(query, token) is { } stream)
                {
                    pumps.Add(PumpAsync(stream, changes.Writer, token));
                }
            }
        }

        var attempts = 0;
        var last = CheckOutcome.Fail("not checked");
        try
        {
            while (true)
            {
                attempts++;
                try
                {
                    last = await attempt(token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    last = CheckOutcome.Fail(ex.Message);
                }

                if (last.Passed || last.Final || !source.IsLive)
                {
                    return last;
                }

                await NextChangeAsync(pumps, changes.Reader, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return last with { Errors = [.. last.Errors, $"timed out after {timeout.TotalSeconds:0.###}s ({attempts} attempt(s), waiting by {(pumps.Count > 0 ? "watch" : "polling")})"] };
        }
        finally
        {
            await linked.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(pumps).ConfigureAwait(false);
        }
    }

    private static async Task PumpAsync(IAsyncEnumerable<ResourceChange> stream, ChannelWriter<bool> changes, CancellationToken token)
    {
        try
        {
            await foreach (var _ in stream.WithCancellation(token).ConfigureAwait(false))
            {
                changes.TryWrite(true);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A broken watch is no worse than no watch: the wait polls from here on.
        }

        changes.TryWrite(false);
    }

    private async Task NextChangeAsync(List<Task> pumps, ChannelReader<bool> changes, CancellationToken token)
    {
        if (pumps.Count == 0 || pumps.All(p => p.IsCompleted))
        {
            await Task.Delay(pollInterval, time, token).ConfigureAwait(false);
            return;
        }

        await changes.ReadAsync(token).ConfigureAwait(false);
        while (changes.TryRead(out _))
        {
        }
    }
}
