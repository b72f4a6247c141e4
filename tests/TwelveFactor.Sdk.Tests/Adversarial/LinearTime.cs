using System.Diagnostics;

namespace TwelveFactor.Sdk.Tests.Adversarial;

/// <summary>
/// Measures how a reader's time grows when its hostile input doubles. Linear work about doubles; the quadratic
/// readers this guards against grew fourfold and more per doubling. The input is doubled twice (n, 4n) and the
/// growth per doubling taken as the square root of the whole, so that the noise of a shared machine is spread
/// over a fourfold span; each size is timed several times and the fastest run kept. Time is the CPU time of the
/// thread that reads (where the system reports it, as Linux does), so that other processes and test threads on a
/// busy machine do not count; elsewhere it is wall-clock time.
/// </summary>
public static class LinearTime
{
    /// <summary>Growth allowed per doubling: twice, with room for noise; a quadratic reader shows four.</summary>
    public const double AllowedRatio = 3.0;

    /// <summary>The longest input made, in characters (the 4n one): 512 MB of string.</summary>
    private const int MaximumInputLength = 256 * 1024 * 1024;

    /// <summary>The time ratio per doubling of the input, where n grows until one run takes long enough to time.</summary>
    /// <param name="make">The hostile input of size n; not timed.</param>
    /// <param name="read">The reader under test; timed.</param>
    public static (double Ratio, int Size, TimeSpan Time) RatioOfDoubling(Func<int, string> make, Func<string, object> read, int startSize)
    {
        GC.KeepAlive(read(make(startSize)));
        var size = startSize;
        var input = make(size);
        var time = Fastest(read, input);

        // Bounded by length too: on an idle machine a fast reader would otherwise ask for a 4n input past the
        // largest string .NET can hold.
        while (time < TimeSpan.FromMilliseconds(100) && input.Length <= MaximumInputLength / 8)
        {
            size *= 2;
            input = make(size);
            time = Fastest(read, input);
        }

        input = "";

        var quadrupled = Fastest(read, make(size * 4));
        return (Math.Sqrt(quadrupled.TotalMilliseconds / time.TotalMilliseconds), size, time);
    }

    private static TimeSpan Fastest(Func<string, object> read, string input)
    {
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var started = ThreadTime.Now();
            GC.KeepAlive(read(input));
            var elapsed = ThreadTime.Now() - started;
            best = elapsed < best ? elapsed : best;
        }

        return best;
    }

    /// <summary>The CPU time the current thread has used, from /proc/thread-self/schedstat; else a wall clock.</summary>
    private static class ThreadTime
    {
        private const string SchedulerStatistics = "/proc/thread-self/schedstat";
        private static readonly bool HasThreadClock = File.Exists(SchedulerStatistics);
        private static readonly Stopwatch WallClock = Stopwatch.StartNew();

        public static TimeSpan Now()
        {
            if (!HasThreadClock)
            {
                return WallClock.Elapsed;
            }
            // The first field is the nanoseconds this thread has run on a CPU.
            var text = File.ReadAllText(SchedulerStatistics);
            var nanoseconds = long.Parse(text.AsSpan(0, text.IndexOf(' ')), System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromTicks(nanoseconds / 100);
        }
    }
}
