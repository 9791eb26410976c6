using System.Reflection;
using FedChain.Build.ElfVersionPatch;
using FedChain.TestSupport;

namespace FedChain.Build.Tests.ElfVersionPatch;

public sealed class WeakVersionPatcherTests : IDisposable
{
    private const string Missing = "GLIBCXX_3.4.32";
    private readonly TempDirectory _dir = new();
    private readonly string _sut;

    public WeakVersionPatcherTests()
    {
        var original = typeof(WeakVersionPatcherTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TorchSharpNative").Value!;
        _sut = _dir.File("libLibTorchSharp.so");
        File.Copy(original, _sut);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The versions GCC 12's libstdc++ (Debian 12) defines: everything the library needs but 3.4.32.</summary>
    private IReadOnlySet<string> Gcc12Versions() =>
        VersionTables.Needs(new ElfImage(File.ReadAllBytes(_sut))).Select(n => n.Name).Where(n => n != Missing).ToHashSet();

    [Fact]
    public void Patch_OnGcc12_MarksOnlyTheMissingVersionWeak()
    {
        var before = File.ReadAllBytes(_sut);

        var result = WeakVersionPatcher.Patch(_sut, Gcc12Versions());

        Assert.Equal([Missing], result.Weakened);
        var after = File.ReadAllBytes(_sut);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Single(changed); // one flags byte
        var needs = VersionTables.Needs(new ElfImage(after));
        Assert.True(needs.Single(n => n.Name == Missing).IsWeak);
        Assert.All(needs.Where(n => n.Name != Missing), n => Assert.False(n.IsWeak));
    }

    [Fact]
    public void Patch_RunTwice_IsIdempotent()
    {
        WeakVersionPatcher.Patch(_sut, Gcc12Versions());
        var once = File.ReadAllBytes(_sut);
        var stamp = File.GetLastWriteTimeUtc(_sut);

        var second = WeakVersionPatcher.Patch(_sut, Gcc12Versions());

        Assert.False(second.Changed);
        Assert.Equal([Missing], second.AlreadyWeak);
        Assert.Equal(once, File.ReadAllBytes(_sut));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(_sut)); // not even rewritten
    }

    [Fact]
    public void Patch_WhenSystemHasEveryVersion_ChangesNothing()
    {
        var before = File.ReadAllBytes(_sut);
        var all = VersionTables.Needs(new ElfImage(before)).Select(n => n.Name).ToHashSet();

        var result = WeakVersionPatcher.Patch(_sut, all);

        Assert.False(result.Changed);
        Assert.Empty(result.AlreadyWeak);
        Assert.Equal(before, File.ReadAllBytes(_sut));
    }

    [Fact]
    public void Patch_WhenMissingVersionIsRelocated_RefusesAndLeavesFileAlone()
    {
        // GLIBCXX_3.4.21 carries std::__cxx11 string symbols the library really binds.
        var before = File.ReadAllBytes(_sut);
        var provided = Gcc12Versions().Where(n => n != "GLIBCXX_3.4.21").ToHashSet();

        var e = Assert.Throws<InvalidOperationException>(() => WeakVersionPatcher.Patch(_sut, provided));

        Assert.Contains("GLIBCXX_3.4.21", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_sut));
    }

    [Fact]
    public void RelocatedSymbols_ForTheMissingVersion_IsEmpty()
    {
        var elf = new ElfImage(File.ReadAllBytes(_sut));
        var need = VersionTables.Needs(elf).Single(n => n.Name == Missing);

        Assert.Empty(VersionTables.RelocatedSymbols(elf, need.Index));
    }

    [Fact]
    public void Definitions_OfSystemLibStdCxx_IncludeTheBaseVersions()
    {
        var defined = VersionTables.Definitions(new ElfImage(File.ReadAllBytes(SystemLibStdCxx.Locate())));

        Assert.Contains("GLIBCXX_3.4", defined);
        Assert.Contains("CXXABI_1.3", defined);
    }
}
