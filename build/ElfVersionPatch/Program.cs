using FedChain.Build.ElfVersionPatch;

// Usage: ElfVersionPatch FILE.so [--provided-by LIBSTDCXX.so]
if (args.Length is not (1 or 3) || (args.Length == 3 && args[1] != "--provided-by"))
{
    Console.Error.WriteLine("usage: ElfVersionPatch FILE.so [--provided-by LIBSTDCXX.so]");
    return 2;
}

var target = args[0];
var libstdcxx = args.Length == 3 ? args[2] : SystemLibStdCxx.Locate();
try
{
    var provided = VersionTables.Definitions(new ElfImage(File.ReadAllBytes(libstdcxx)));
    var result = WeakVersionPatcher.Patch(target, provided);
    var what = result.Changed
        ? $"marked {string.Join(", ", result.Weakened)} weak"
        : result.AlreadyWeak.Count > 0 ? $"already weak: {string.Join(", ", result.AlreadyWeak)}" : "nothing to do";
    Console.WriteLine($"ElfVersionPatch: {Path.GetFileName(target)} against {libstdcxx}: {what}");
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException)
{
    Console.Error.WriteLine($"ElfVersionPatch: error: {target}: {e.Message}");
    return 1;
}
