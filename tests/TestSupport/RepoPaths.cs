namespace FedChain.TestSupport;

/// <summary>Paths inside the repository these tests were built from.</summary>
public static class RepoPaths
{
    /// <summary>The directory holding FedChain.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FedChain.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"no FedChain.sln above {AppContext.BaseDirectory}");
    }
}
