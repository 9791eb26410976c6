using System.Diagnostics;

namespace FedChain.Build.ElfVersionPatch;

/// <summary>Finds the libstdc++ the dynamic loader gives a .NET process on this machine.</summary>
public static class SystemLibStdCxx
{
    /// <summary>
    /// The .NET runtime itself links libstdc++.so.6, so the copy mapped into this process is the
    /// one TorchSharp will be bound against. Falls back to the loader cache.
    /// </summary>
    public static string Locate()
    {
        if (File.Exists("/proc/self/maps"))
        {
            var mapped = File.ReadLines("/proc/self/maps")
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length >= 6 && Path.GetFileName(f[5]).StartsWith("libstdc++.so", StringComparison.Ordinal))
                .Select(f => f[5])
                .FirstOrDefault();
            if (mapped is not null) return mapped;
        }

        return FromLdconfig() ?? throw new FileNotFoundException(
            "libstdc++.so.6 not found: it is neither mapped in this process nor listed by `ldconfig -p`.");
    }

    private static string? FromLdconfig()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("ldconfig", "-p") { RedirectStandardOutput = true })!;
            var lines = p.StandardOutput.ReadToEnd().Split('\n');
            p.WaitForExit();
            return lines.Where(l => l.TrimStart().StartsWith(WeakVersionPatcher.LibStdCxx, StringComparison.Ordinal) && l.Contains("x86-64", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf("=>", StringComparison.Ordinal) + 2)..].Trim())
                .FirstOrDefault();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no ldconfig on PATH
        }
    }
}
