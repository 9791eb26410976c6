namespace FedChain.Contracts.Chain;

/// <summary>Finds the pinned chain tools that `npm ci` in contracts-sol/ installs.</summary>
public static class ChainTools
{
    /// <summary>Environment variable that points at an anvil binary, overriding the search.</summary>
    public const string AnvilVariable = "FEDCHAIN_ANVIL";

    private const string AnvilInPackage = "contracts-sol/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

    /// <summary>The anvil binary: $FEDCHAIN_ANVIL, or the npm package in the repository that holds this build.</summary>
    public static string Anvil()
    {
        if (Environment.GetEnvironmentVariable(AnvilVariable) is { Length: > 0 } fromEnv)
        {
            return File.Exists(fromEnv) ? fromEnv : throw new FileNotFoundException($"{AnvilVariable} points at {fromEnv}, which does not exist.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, AnvilInPackage);
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException(
            $"anvil not found: looked for {AnvilInPackage} above {AppContext.BaseDirectory}. " +
            $"Run `npm ci` in contracts-sol/ (the build does it), or set {AnvilVariable}.");
    }
}
