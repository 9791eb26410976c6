using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FedChain.Bench;

/// <summary>Micro-benchmarks of the hot paths: dotnet run -c Release --project bench -- --filter '*' [--job short]</summary>
internal static class BenchMain
{
    // In-process: the out-of-process toolchain rebuilds the project by a name it guesses from the
    // assembly (FedChain.Bench), which the fixed layout (bench/Bench.csproj) does not match.
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchMain).Assembly)
        .Run(args, DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault()));
}
