namespace FedChain.Node.Demo;

/// <summary>The machine's available memory (Linux <c>MemAvailable</c>), for benches that start many processes on a shared machine.</summary>
public static class MachineMemory
{
    /// <summary>Bytes the kernel estimates can be allocated without swapping; null where /proc/meminfo is missing.</summary>
    public static long? AvailableBytes()
    {
        if (!File.Exists("/proc/meminfo")) return null;
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["MemAvailable:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Completes with the figure once available memory is below <paramref name="floorBytes"/> (checked every second); never where it cannot be read.</summary>
    public static async Task<long> BelowAsync(long floorBytes, TimeProvider time, CancellationToken ct)
    {
        while (true)
        {
            if (AvailableBytes() is { } available && available < floorBytes) return available;
            await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
        }
    }
}
